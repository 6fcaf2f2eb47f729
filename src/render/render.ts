// Pure rendering: (names, answers, layers) -> files in memory. Nothing here
// touches the target folder, which keeps --dry-run, snapshots and update free.
import { type Answers, hasAuth } from "../options.js";
import type { ProjectNames } from "../names.js";
import { GENERATOR } from "../version.js";
import { COMPILE_OPTIONS, createTemplateEnv, type TemplateEnv } from "./handlebars.js";
import { type Layer, readLayer } from "./layer.js";
import type { ResourceView } from "../resources.js";
import { type LayerUse, layersFor, projectResources, routeModules } from "./layers.js";
import { isTemplate, outputPath } from "./paths.js";

/** Output path -> content, the whole project as it would be written. */
export type Plan = Map<string, Buffer>;

export interface TemplateContext {
  project: ProjectNames;
  answers: Omit<Answers, "tests"> & { tests: Record<string, boolean>; testList: string[] };
  /** Switches that several layers test, so templates need not compare strings. */
  features: { auth: boolean };
  /** Every resource, for the files that list them all (routers, READMEs). */
  resources: ResourceView[];
  /** The route modules, sorted: `from .routes import ...` and one include each. */
  routeModules: string[];
  deps: { runtime: string[]; dev: string[] };
  generator: { name: string; version: string };
}

export interface Renderer {
  readonly uses: readonly LayerUse[];
  readonly context: TemplateContext;
  /** Renders one layer use's files into the plan, overriding earlier layers' files. */
  renderUse(use: LayerUse, plan: Plan): void;
}

function mergedList(layers: readonly Layer[], pick: (l: Layer) => readonly string[]): string[] {
  return [...new Set(layers.flatMap(pick))].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

function buildContext(names: ProjectNames, answers: Answers, layers: readonly Layer[]): TemplateContext {
  const { tests, ...rest } = answers;
  const resources = projectResources(answers);
  return {
    project: names,
    answers: {
      ...rest,
      tests: { unit: tests.includes("unit"), integration: tests.includes("integration"), e2e: tests.includes("e2e") },
      testList: [...tests],
    },
    features: { auth: hasAuth(answers) },
    resources,
    routeModules: routeModules(answers, resources),
    deps: {
      runtime: mergedList(layers, (l) => l.meta.dependencies),
      dev: mergedList(layers, (l) => l.meta.devDependencies),
    },
    generator: { name: GENERATOR.name, version: GENERATOR.version },
  };
}

function renderText(env: TemplateEnv, source: string, template: string, context: TemplateContext): string {
  try {
    return env.compile(template, COMPILE_OPTIONS)(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`template ${source}: ${reason}`);
  }
}

export function createRenderer(names: ProjectNames, answers: Answers, templatesDir: string): Renderer {
  const uses = layersFor(answers);
  const byName = new Map<string, Layer>();
  for (const use of uses) if (!byName.has(use.layer)) byName.set(use.layer, readLayer(templatesDir, use.layer));
  const layers = [...byName.values()];
  const partials = new Map<string, string>();
  for (const layer of layers) for (const [name, source] of layer.partials) partials.set(name, source);
  const env = createTemplateEnv(partials);
  const context = buildContext(names, answers, layers);
  return {
    uses,
    context,
    renderUse(use, plan) {
      const layer = byName.get(use.layer) as Layer;
      const useContext = { ...context, ...use.params };
      const tokens = { ...use.tokens, pkg: names.pkg };
      for (const file of layer.files) {
        const path = outputPath(file.source, tokens);
        const content = isTemplate(file.source)
          ? Buffer.from(renderText(env, `${layer.name}/${file.source}`, file.content.toString("utf8"), useContext))
          : file.content;
        // A file that renders empty is "not in this combination", even if an
        // earlier layer produced it: that is how a layer removes a file.
        if (content.toString("utf8").trim() === "") plan.delete(path);
        else plan.set(path, content);
      }
    },
  };
}

/** Sorted copy, so plans compare and print the same whatever the layer order. */
export function sortedPlan(plan: Plan): Plan {
  return new Map([...plan.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
