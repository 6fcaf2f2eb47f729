// The `project` plop generator: one `render-layer` action per template layer,
// in layer order. node-plop's own add/addMany render through the global,
// HTML-escaping Handlebars, so rendering is our own action type writing into
// an in-memory plan; the create flow writes that plan (or only prints it).
import type { NodePlopAPI } from "node-plop";
import type { Answers } from "../src/options.js";
import type { ProjectNames } from "../src/names.js";
import { useName } from "../src/render/layers.js";
import { createRenderer, type Plan, type TemplateContext } from "../src/render/render.js";

export const PROJECT_GENERATOR = "project";
const RENDER_LAYER = "render-layer";

export interface ProjectInput {
  names: ProjectNames;
  answers: Answers;
  templatesDir: string;
}

export function registerProjectGenerator(plop: NodePlopAPI, input: ProjectInput, plan: Plan): TemplateContext {
  const renderer = createRenderer(input.names, input.answers, input.templatesDir);
  // async, so a throw becomes a rejected promise that node-plop reports as a failure.
  plop.setActionType(RENDER_LAYER, async (_answers, config) => {
    const use = renderer.uses[Number(config.use)];
    if (!use) throw new Error(`unknown layer use ${String(config.use)}`);
    const before = plan.size;
    renderer.renderUse(use, plan);
    return `${useName(use)}: ${plan.size - before >= 0 ? "+" : ""}${plan.size - before} files`;
  });
  plop.setGenerator(PROJECT_GENERATOR, {
    description: "a new Python backend project",
    prompts: [],
    actions: renderer.uses.map((use, index) => ({ type: RENDER_LAYER, use: index, name: useName(use), abortOnFail: true })),
  });
  return renderer.context;
}
