// plop is the engine for generators that users run inside a project (`add`):
// this module registers the project render as a plop action type, so a
// generator (ours or a project's own plopfile) can render through it. It is
// imported lazily, only when such a generator runs: creating a project,
// --help, update, check and diff plan with src/render directly.
import nodePlop from "node-plop";
import { planProject, type PlanOptions } from "../src/render/render.js";
import type { Plan } from "../src/plan.js";
import type { ProjectSpec } from "../src/spec.js";

export const PROJECT_GENERATOR = "project";
const RENDER_PROJECT = "render-project";

/** Runs the `project` generator through plop and hands back its in-memory plan. */
export async function planWithPlop(spec: ProjectSpec, options: PlanOptions): Promise<Plan> {
  const plop = await nodePlop();
  let plan: Plan = new Map();
  // async, so a throw becomes a rejected promise that node-plop reports as a failure.
  plop.setActionType(RENDER_PROJECT, async () => {
    plan = planProject(spec, options).plan;
    return `${plan.size} files`;
  });
  plop.setGenerator(PROJECT_GENERATOR, {
    description: "a new Python backend project",
    prompts: [],
    actions: [{ type: RENDER_PROJECT, abortOnFail: true }],
  });
  const { failures } = await plop.getGenerator(PROJECT_GENERATOR).runActions({ ...spec.answers, name: spec.names.name });
  const failure = failures[0];
  // runActions never throws; a synchronous throw reaches failures as the Error itself, not as {error}.
  if (failure) throw new Error(`rendering failed: ${failure.error ?? (failure as unknown as Error).message}`);
  return plan;
}
