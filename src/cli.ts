// The one place that turns errors into exit codes and messages.
import { parseCliArgs } from "./args.js";
import { Cleanup, type Io, processIo } from "./context.js";
import { EXIT, UserError } from "./errors.js";
import { helpText } from "./help.js";
import type { Subcommand } from "./args.js";
import { normalizeDirectory } from "./names.js";
import { GENERATOR } from "./version.js";

export async function main(argv: readonly string[], io: Io = processIo(), cleanup: Cleanup = new Cleanup()): Promise<number> {
  let json = argv.includes("--json");
  try {
    const parsed = parseCliArgs(argv);
    if (parsed.kind === "help") {
      io.stdout.write(`${helpText(parsed.command)}\n`);
      return EXIT.ok;
    }
    if (parsed.kind === "version") {
      io.stdout.write(`${GENERATOR.version}\n`);
      return EXIT.ok;
    }
    if (parsed.kind === "subcommand") {
      json = parsed.rest.includes("--json");
      return await runSubcommand(io, parsed.command, parsed.rest, cleanup);
    }
    const flags = parsed.flags;
    json = flags.json;
    if (flags.directory !== undefined) flags.directory = normalizeDirectory(flags.directory);
    // --json is for machines: never prompt, whatever the terminal.
    const runIo = json ? { ...io, interactive: false } : io;
    // Loaded only here: the create flow and its steps are no part of --help, --version or a usage error.
    const { create } = await import("./create.js");
    const result = await create(runIo, flags, cleanup);
    if (json) io.stdout.write(`${JSON.stringify(result)}\n`);
    return EXIT.ok;
  } catch (error) {
    await cleanup.run();
    const exitCode = error instanceof UserError ? error.exitCode : EXIT.failure;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`${error instanceof UserError ? "" : "Error: "}${message}\n`);
    if (io.env.DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, exitCode, error: message })}\n`);
    return exitCode;
  }
}

async function runSubcommand(io: Io, command: Subcommand, rest: readonly string[], cleanup: Cleanup): Promise<number> {
  // Loaded only here: the update engine (diff, merge, git) is no part of create or --help.
  const { runCheck, runDiff, runUpdate } = await import("./commands/project-commands.js");
  switch (command) {
    case "update":
      return runUpdate(io, rest, cleanup);
    case "check":
      return runCheck(io, rest);
    case "diff":
      return runDiff(io, rest);
    case "add":
    case "remove": {
      const { runAdd, runRemove } = await import("./commands/add.js");
      return command === "add" ? runAdd(io, rest, cleanup) : runRemove(io, rest, cleanup);
    }
  }
}
