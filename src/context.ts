// Everything a step may need from the outside world, injected so tests can
// drive the whole flow (streams for prompts, env, cwd) without a terminal.
import type { Readable, Writable } from "node:stream";

export interface Io {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Prompts are allowed: a TTY on both ends and not --json. */
  readonly interactive: boolean;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}

/** Undo actions registered while writing, run once on failure or Ctrl-C. */
export class Cleanup {
  private readonly undo: Array<() => Promise<void>> = [];

  add(action: () => Promise<void>): void {
    this.undo.push(action);
  }

  /** Forget the undo actions: the result is final and must be kept. */
  commit(): void {
    this.undo.length = 0;
  }

  async run(): Promise<void> {
    const actions = this.undo.splice(0).reverse();
    for (const action of actions) {
      try {
        await action();
      } catch {
        // Best effort: one failed undo must not stop the others.
      }
    }
  }
}
