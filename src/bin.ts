// The CLI's entry, bundled into dist/src/main.cjs, which both bins run through
// launcher.ts. Ctrl-C outside a prompt (while writing or installing) undoes
// what this run wrote, then exits 130.
import { main } from "./cli.js";
import { Cleanup, processIo } from "./context.js";
import { EXIT } from "./errors.js";

const cleanup = new Cleanup();
let interrupted = false;
const onSignal = (): void => {
  if (interrupted) return;
  interrupted = true;
  process.stderr.write("\nCancelled; nothing was written.\n");
  void cleanup.run().finally(() => process.exit(EXIT.cancelled));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

// No top-level await: the bundle is CommonJS (scripts/bundle.ts says why).
void main(process.argv.slice(2), processIo(), cleanup).then((code) => {
  process.exitCode = code;
});
