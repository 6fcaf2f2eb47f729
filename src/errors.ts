// Errors meant for users. cli.ts is the one place that turns them into exit codes.

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** update: conflicts remain in files; check: the project is behind the templates. */
  conflicts: 3,
  behind: 3,
  cancelled: 130,
} as const;

/** A failure the user can fix; its message is one sentence that says what to do. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** Bad flags, names or combinations: exit 2. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = "UsageError";
  }
}

/** Ctrl-C or a cancelled prompt: exit 130 after cleanup. */
export class CancelledError extends UserError {
  constructor() {
    super("Cancelled; nothing was written.", EXIT.cancelled);
    this.name = "CancelledError";
  }
}
