// A new project's files: the plan of its spec plus the manifest and clean base
// that let `update` tell the user's edits from template changes later.
import { type ManifestInput, withManifest } from "../io/manifest.js";
import type { ProjectNames } from "../names.js";
import type { Answers } from "../options.js";
import { newProjectSpec } from "../spec.js";
import { planProject, type TemplateContext } from "./render.js";
import type { Plan } from "../plan.js";

export interface NewProject {
  /** Every file the project starts with, metadata included. */
  readonly files: Plan;
  readonly context: TemplateContext;
}

export function newProject(names: ProjectNames, answers: Answers, templatesDir: string, version?: string): NewProject {
  const spec = newProjectSpec(names, answers);
  const { plan, context, history, policies } = planProject(spec, { templatesDir });
  const input: ManifestInput = { names, answers, history, policies, ...(version === undefined ? {} : { version }) };
  return { files: withManifest(input, plan), context };
}
