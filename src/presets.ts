// Named answer sets for --preset. Each is a partial overlay on the defaults and
// must form a valid, offered combination (a unit test holds that).
import { type Answers } from "./options.js";
import { defaultAnswers } from "./constraints.js";

export interface Preset {
  readonly description: string;
  readonly answers: Partial<Answers>;
}

export const PRESETS: Readonly<Record<string, Preset>> = {
  default: { description: "the defaults: everything that is offered", answers: {} },
  minimal: {
    description: "smallest project: unit tests only, no Docker, no CI",
    answers: { tests: ["unit"], docker: false, ci: "none" },
  },
  service: {
    description: "a deployable service: integration and e2e tests, Docker and CI",
    answers: { tests: ["integration", "e2e"], docker: true, ci: "github" },
  },
  flask: {
    description: "the defaults on Flask: APIFlask, blueprints, gunicorn",
    answers: { framework: "flask" },
  },
  django: {
    description: "the defaults on Django: DRF, the Django ORM, gunicorn",
    answers: { framework: "django" },
  },
};

export function presetNames(): string[] {
  return Object.keys(PRESETS);
}

/**
 * A preset's full answers: its own, under `over` (what the user gave besides),
 * with the defaults that fit both for the rest, so `--preset minimal --auth none`
 * turns RBAC off rather than conflicting with the preset's default.
 */
export function presetAnswers(name: string, over: Partial<Answers> = {}): Answers {
  const preset = PRESETS[name];
  if (!preset) throw new Error(`unknown preset ${name}`);
  return defaultAnswers({ ...preset.answers, ...over });
}
