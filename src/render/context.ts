// The template context: the spec's answers and names plus what the layers that
// apply contribute, merged (create-vue's data overlays are the model). Templates
// iterate these lists; they never test which layer is present.
import type { Answers } from "../options.js";
import type { ProjectNames } from "../names.js";
import { moduleOrder } from "../python-code.js";
import type { ResourceView } from "../resources.js";
import { GENERATOR } from "../version.js";
import type { CommandDecl, SettingDecl } from "./manifest.js";

export interface SettingView extends SettingDecl {
  /** The settings field: the variable in lower case. */
  readonly field: string;
  /** `Field(default=900, ge=1)` or the bare default, and the line's `# noqa` comment if any. */
  readonly value: string;
  /** The `.env.example` line: `NAME=default`, or `# NAME=` for a setting that is unset by default. */
  readonly envLine: string;
  /** The README's default column: the default (a string's without its quotes), or `unset`. */
  readonly shownDefault: string;
}

/** A setting whose default is `None` stays unset until an operator sets it (a provider's credentials). */
const UNSET = "None";

/** A feature package whose `routes` module holds a `router` (a blueprint, an app's urls) to mount. */
export interface RouterView {
  /** Dotted, relative to the project package: `auth`, `auth.jwt`, `items`. */
  readonly package: string;
  /** A name for its router in the module that mounts them all: `auth_jwt_router`. */
  readonly alias: string;
}

export interface TemplateContext {
  project: ProjectNames;
  answers: Omit<Answers, "tests"> & { tests: Record<string, boolean>; testList: string[] };
  /** Switches that several layers test, so templates need not compare strings. */
  features: {
    auth: boolean;
    /**
     * Coverage follows the e2e tests into the processes they start only without
     * unit tests: with them the in-process layers reach the same code, and
     * measuring the served processes cost a tenth of the suite's time.
     */
    measureServedProcesses: boolean;
  };
  /** Every resource, for the files that list them all (routers, READMEs). */
  resources: ResourceView[];
  /** Feature packages with routes to mount, sorted as import lines list them. */
  routers: RouterView[];
  commands: CommandDecl[];
  /** Settings the layers add beyond the base ones, in layer order. */
  settings: SettingView[];
  /** Section list -> rendered texts, in layer order. */
  sections: Record<string, string[]>;
  deps: { runtime: string[]; dev: string[] };
  /** `package` is what `npx --package` must name to run this generator from the project. */
  generator: { name: string; package: string; version: string };
}

export interface Contributions {
  readonly runtime: readonly string[];
  readonly dev: readonly string[];
  readonly routers: readonly string[];
  readonly commands: readonly CommandDecl[];
  readonly settings: readonly SettingDecl[];
}

// By lower-cased code points: localeCompare gave the same order for every list
// the templates declare, but its first call loads ICU's collation, a tenth of a create.
function sortedUnique(list: readonly string[]): string[] {
  const key = (s: string): string => s.toLowerCase();
  return [...new Set(list)].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Sorted by the module each is imported from (`auth.jwt.routes` before `auth.routes`), as isort does. */
function routerViews(packages: readonly string[]): RouterView[] {
  const modules = [...new Set(packages)].map((p) => ({ p, module: `${p}.routes` }));
  modules.sort((a, b) => moduleOrder(a.module, b.module));
  return modules.map(({ p }) => ({ package: p, alias: `${p.replaceAll(".", "_")}_router` }));
}

export function settingView(s: SettingDecl): SettingView {
  const unset = s.default === UNSET;
  return {
    ...s,
    field: s.env.toLowerCase(),
    value: (s.constraints ? `Field(default=${s.default}, ${s.constraints})` : s.default) + (s.noqa ? `  # noqa: ${s.noqa}` : ""),
    envLine: unset ? `# ${s.env}=` : `${s.env}=${s.default}`,
    // A string's value, as an operator would write it, not its Python literal.
    shownDefault: unset ? "unset" : `\`${/^"(.*)"$/.exec(s.default)?.[1] ?? s.default}\``,
  };
}

export function buildContext(names: ProjectNames, answers: Answers, resources: ResourceView[], c: Contributions): TemplateContext {
  const { tests, ...rest } = answers;
  return {
    project: names,
    answers: {
      ...rest,
      tests: { unit: tests.includes("unit"), integration: tests.includes("integration"), e2e: tests.includes("e2e") },
      testList: [...tests],
    },
    features: { auth: answers.auth !== "none", measureServedProcesses: !tests.includes("unit") },
    resources,
    routers: routerViews(c.routers),
    commands: [...c.commands],
    settings: c.settings.map(settingView),
    sections: {},
    deps: { runtime: sortedUnique(c.runtime), dev: sortedUnique(c.dev) },
    generator: { name: GENERATOR.name, package: GENERATOR.package, version: GENERATOR.version },
  };
}
