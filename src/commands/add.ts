// `add` and `remove`: subgenerators run inside a generated project. Each is an
// update with a larger (or smaller) spec: a changed answer (`add docker`) or a
// recorded run (`add resource`), planned, merged and reported by the update
// engine, so user edits are kept and conflicts reported the same way.
import { parseArgs } from "node:util";
import { parseAnswer } from "../answer-values.js";
import type { Cleanup, Io } from "../context.js";
import { EXIT, UsageError, UserError } from "../errors.js";
import { type Answers, OPTIONS, type TestLayer } from "../options.js";
import { addResourceRun, removeResourceRun, resourcesOf } from "../resource-runs.js";
import type { SubgeneratorRun } from "../spec.js";
import { ADD_GENERATORS, generatorLines, REMOVE_GENERATORS } from "../subgenerators.js";
import type { SpecChange } from "../update/plan.js";
import { type LoadedProject, loadProject } from "../update/project.js";
import { type LocalGenerator, localGenerators, runLocalGenerator } from "../../generators/index.js";
import { applyUpdate, DEFAULT_SOURCE, refuseDirtyTree } from "./project-commands.js";

interface Parsed {
  readonly positionals: string[];
  readonly fields?: string;
  readonly singular?: string;
  readonly list: boolean;
  readonly flags: { dryRun: boolean; json: boolean; allowDirty: boolean; allowDataLoss: boolean };
}

const OPTIONS_OF = {
  fields: { type: "string" },
  singular: { type: "string" },
  list: { type: "boolean" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  "allow-dirty": { type: "boolean" },
  "allow-data-loss": { type: "boolean" },
} as const;

function parse(command: string, argv: readonly string[]): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS_OF, strict: true, allowPositionals: true });
    return {
      positionals,
      ...(values.fields === undefined ? {} : { fields: values.fields }),
      ...(values.singular === undefined ? {} : { singular: values.singular }),
      list: values.list === true,
      flags: { dryRun: values["dry-run"] === true, json: values.json === true, allowDirty: values["allow-dirty"] === true, allowDataLoss: values["allow-data-loss"] === true },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message.split(". ")[0] : String(error);
    throw new UsageError(`${command}: ${message}; see backend-starter ${command} --help.`);
  }
}

/** A built-in subgenerator: the spec change it makes of a project. */
interface Generator {
  readonly plan: (project: LoadedProject, args: string[], parsed: Parsed) => { change: SpecChange; headline: string };
}

const run = (generator: string, args: Record<string, unknown> = {}): SubgeneratorRun => ({ generator, args });

function oneArgument(usage: string, args: string[]): string {
  if (args.length !== 1) throw new UsageError(`Usage: backend-starter ${usage}`);
  return args[0] as string;
}

function noArguments(usage: string, args: string[]): void {
  if (args.length !== 0) throw new UsageError(`Usage: backend-starter ${usage}`);
}

/** `add docker` and the like: an answer that is off turned on. */
function switchOn(key: "docker" | "rbac", label: string): Generator {
  const usage = `add ${key}`;
  return {
    plan: ({ manifest }, args) => {
      noArguments(usage, args);
      if (manifest.answers[key]) throw new UserError(`The project already has ${label}; nothing to add.`);
      return { change: { set: { [key]: true }, runs: [run(key)] }, headline: `Adding ${label}.` };
    },
  };
}

const layerOrder = (layers: readonly TestLayer[]): TestLayer[] => OPTIONS.tests.choices.map((c) => c.value).filter((v) => layers.includes(v));


const ADD: Record<keyof typeof ADD_GENERATORS, Generator> = {
  resource: {
    plan: ({ manifest }, args, parsed) => {
      const name = oneArgument(ADD_GENERATORS.resource.usage, args);
      const added = addResourceRun(name, parsed, resourcesOf(manifest.runs), manifest.answers);
      const plural = String(added.args.name);
      return { change: { runs: [added] }, headline: `Adding resource ${plural} at /api/v1/${plural.replaceAll("_", "-")}.` };
    },
  },
  auth: {
    plan: ({ manifest }, args) => {
      const method = parseAnswer("auth", oneArgument("add auth METHOD", args), "add auth") as Answers["auth"];
      if (method === "none") throw new UsageError("add auth takes a method to add, not none; see backend-starter add --help.");
      const current = manifest.answers.auth;
      if (current === method) throw new UserError(`The project already has auth ${method}; nothing to add.`);
      if (current !== "none") throw new UserError(`The project already has auth ${current}; change it to ${method} with backend-starter update --set auth=${method}.`);
      // The rule for rows that exist before owners do, said before anyone migrates.
      const rows = "rows your tables already hold go to the user `migrate --owner EMAIL` names (made if new; set-password gives them a password)";
      return { change: { set: { auth: method }, runs: [run("auth", { method })] }, headline: `Adding auth ${method}: ${rows}.` };
    },
  },
  rbac: switchOn("rbac", "role-based access control"),
  docker: switchOn("docker", "Docker (Dockerfile and compose.yaml)"),
  tests: {
    plan: ({ manifest }, args) => {
      const layers = parseAnswer("tests", oneArgument("add tests LAYER[,LAYER]", args), "add tests") as TestLayer[];
      const fresh = layers.filter((l) => !manifest.answers.tests.includes(l));
      if (fresh.length === 0) throw new UserError(`The project already has the ${layers.join(", ")} test layer(s); nothing to add.`);
      return { change: { set: { tests: layerOrder([...manifest.answers.tests, ...fresh]) }, runs: [run("tests", { layers: fresh })] }, headline: `Adding ${fresh.join(", ")} tests.` };
    },
  },
  ci: {
    plan: ({ manifest }, args) => {
      const provider = parseAnswer("ci", args[0] ?? OPTIONS.ci.preferred, "add ci") as Answers["ci"];
      if (args.length > 1 || provider === "none") throw new UsageError("Usage: backend-starter add ci [PROVIDER]");
      if (manifest.answers.ci !== "none") throw new UserError(`The project already has CI (${manifest.answers.ci}); nothing to add.`);
      return { change: { set: { ci: provider }, runs: [run("ci", { provider })] }, headline: `Adding CI (${provider}).` };
    },
  },
};

const REMOVE: Record<keyof typeof REMOVE_GENERATORS, Generator> = {
  resource: {
    plan: ({ manifest }, args) => {
      const removed = removeResourceRun(oneArgument("remove resource NAME", args), resourcesOf(manifest.runs));
      return { change: { runs: [removed] }, headline: `Removing resource ${String(removed.args.name)}.` };
    },
  },
  docker: {
    plan: ({ manifest }, args) => {
      noArguments("remove docker", args);
      if (!manifest.answers.docker) throw new UserError("The project has no Docker files; nothing to remove.");
      return { change: { set: { docker: false }, runs: [run("remove-docker")] }, headline: "Removing Docker." };
    },
  },
  ci: {
    plan: ({ manifest }, args) => {
      noArguments("remove ci", args);
      if (manifest.answers.ci === "none") throw new UserError("The project has no CI workflow; nothing to remove.");
      return { change: { set: { ci: "none" }, runs: [run("remove-ci")] }, headline: "Removing CI." };
    },
  },
};

async function runGenerator(io: Io, command: "add" | "remove", argv: readonly string[], cleanup: Cleanup, source = DEFAULT_SOURCE): Promise<number> {
  const parsed = parse(command, argv);
  const table: Readonly<Record<string, Generator>> = command === "add" ? ADD : REMOVE;
  const info = command === "add" ? ADD_GENERATORS : REMOVE_GENERATORS;
  if (parsed.list) {
    const local = command === "add" ? await localGenerators((await loadProject(io.cwd)).root) : [];
    if (parsed.flags.json) io.stdout.write(`${JSON.stringify({ ok: true, command, generators: Object.values(info), local })}\n`);
    else io.stdout.write(`${["Built-in generators:", ...generatorLines(info), ...localLines(local)].join("\n")}\n`);
    return EXIT.ok;
  }
  const [name, ...args] = parsed.positionals;
  if (name === undefined) throw new UsageError(`${command} needs a generator: one of ${Object.keys(table).join(", ")} (backend-starter ${command} --list).`);
  if (parsed.fields !== undefined && name !== "resource") throw new UsageError(`--fields goes with ${command} resource only.`);
  const project = await loadProject(io.cwd);
  const generator = table[name];
  if (generator) {
    const { change, headline } = generator.plan(project, args, parsed);
    return applyUpdate(io, { command: `${command} ${name}`, project, flags: parsed.flags, change, cleanup, source, headline: parsed.flags.dryRun ? `Dry run: ${headline}` : headline });
  }
  if (command === "add") {
    await refuseDirtyTree(project, parsed.flags);
    const ran = await runLocalGenerator(io, project, name, args, parsed.flags.dryRun);
    if (ran !== null) {
      if (parsed.flags.dryRun) return EXIT.ok;
      // Recorded like every run; what it wrote is the project's own (update never re-renders it).
      const flags = { ...parsed.flags, allowDirty: true };
      return applyUpdate(io, { command: `add ${name}`, project, flags, change: { runs: [ran] }, cleanup, source, headline: `Ran the project's generator ${name}.` });
    }
  }
  const local = command === "add" ? (await localGenerators(project.root)).map((g) => g.name) : [];
  throw new UsageError(`${command} ${name}: no such generator; one of ${[...Object.keys(table), ...local].join(", ")} (backend-starter ${command} --list).`);
}

function localLines(local: readonly LocalGenerator[]): string[] {
  if (local.length === 0) return [];
  return ["", "This project's generators (plopfile):", ...local.map((g) => `  backend-starter add ${g.name.padEnd(30)} ${g.description}`)];
}

export function runAdd(io: Io, argv: readonly string[], cleanup: Cleanup, source = DEFAULT_SOURCE): Promise<number> {
  return runGenerator(io, "add", argv, cleanup, source);
}

export function runRemove(io: Io, argv: readonly string[], cleanup: Cleanup, source = DEFAULT_SOURCE): Promise<number> {
  return runGenerator(io, "remove", argv, cleanup, source);
}
