// Runs a plop generator and hands back its in-memory plan. runActions never
// throws, so its failures are turned into one error here, every time.
import nodePlop from "node-plop";
import { type Plan, sortedPlan, type TemplateContext } from "../src/render/render.js";
import { PROJECT_GENERATOR, type ProjectInput, registerProjectGenerator } from "./project.js";

export interface ProjectPlan {
  readonly plan: Plan;
  /** What the templates saw, e.g. the merged dependency lists. */
  readonly context: TemplateContext;
}

export async function planProject(input: ProjectInput): Promise<ProjectPlan> {
  const plop = await nodePlop();
  const plan: Plan = new Map();
  const context = registerProjectGenerator(plop, input, plan);
  const { failures } = await plop.getGenerator(PROJECT_GENERATOR).runActions({ ...input.answers, name: input.names.name });
  const failure = failures[0];
  // A synchronous throw reaches failures as the Error itself, not as {error}.
  if (failure) throw new Error(`rendering failed: ${failure.error ?? (failure as unknown as Error).message}`);
  return { plan: sortedPlan(plan), context };
}
