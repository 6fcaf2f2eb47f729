// What the user sees while a command runs: clack's frames on a TTY, plain
// lines otherwise, and nothing but the final JSON object with --json.
// clack is loaded only for a terminal: runs in CI and pipes never need it.
import type { Io } from "./context.js";
import { importEsm } from "./io/import-esm.js";

type Clack = typeof import("@clack/prompts");

export interface Ui {
  intro(title: string): void;
  note(body: string, title: string): void;
  /** Runs a slow task with a spinner (or a start/end line without a TTY). */
  task<T>(label: string, done: (result: T) => string, run: () => Promise<T>): Promise<T>;
  info(line: string): void;
  outro(line: string): void;
}

function silentUi(): Ui {
  return {
    intro: () => {},
    note: () => {},
    task: (_label, _done, run) => run(),
    info: () => {},
    outro: () => {},
  };
}

function plainUi(io: Io): Ui {
  const write = (line: string) => io.stdout.write(`${line}\n`);
  return {
    intro: write,
    note: (body, title) => write(`${title}:\n${body.replace(/^/gm, "  ")}`),
    async task(label, done, run) {
      write(`${label}...`);
      const result = await run();
      write(done(result));
      return result;
    },
    info: write,
    outro: write,
  };
}

function clackUi(io: Io, p: Clack): Ui {
  // clack's default says "Canceled" (its spinner prints it on Ctrl-C) while our own
  // messages say "Cancelled": one spelling on one screen, prompts included.
  p.updateSettings({ messages: { cancel: "Cancelled" } });
  const output = io.stdout;
  return {
    intro: (title) => p.intro(title, { output }),
    note: (body, title) => p.note(body, title, { output }),
    async task(label, done, run) {
      const spin = p.spinner({ output });
      spin.start(label);
      // The spinner puts stdin in raw mode, where Ctrl-C is a keypress, not SIGINT, and clack
      // then exits 0 itself (clack#499). Cooked mode keeps Ctrl-C a signal, so bin.ts undoes the run.
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      try {
        const result = await run();
        spin.stop(done(result));
        return result;
      } catch (error) {
        spin.error(`${label} failed`);
        throw error;
      }
    },
    info: (line) => p.log.info(line, { output }),
    outro: (line) => p.outro(line, { output }),
  };
}

export async function createUi(io: Io, json: boolean): Promise<Ui> {
  if (json) return silentUi();
  return io.interactive ? clackUi(io, await importEsm("@clack/prompts")) : plainUi(io);
}
