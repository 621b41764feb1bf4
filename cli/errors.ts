/**
 * The CLI's error types. Every one maps to exit code 2 and prints as one line
 * (the detail and stack only with --verbose).
 */

/** Bad usage or unreadable input: a missing directory, malformed state, a bad flag value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The user's program threw (synchronously or in an Output). Keeps the program's own error. */
export class ProgramError extends Error {
  readonly cause: unknown;
  constructor(message: string, cause: unknown) {
    super(message);
    this.name = "ProgramError";
    this.cause = cause;
  }
}

/** A phase of the check (loading, running, settling registrations, policy analysis) did not finish in time. */
export class TimeoutError extends Error {
  constructor(
    message: string,
    readonly phase: string,
  ) {
    super(message);
    this.name = "TimeoutError";
  }
}

/** The policy pack failed to start or answer. */
export class PolicyPackError extends Error {
  readonly cause: unknown;
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = "PolicyPackError";
    this.cause = cause;
  }
}

/** Exit codes: 0 clean, 1 a mandatory violation, 2 usage or input error. */
export const EXIT = { ok: 0, violations: 1, usage: 2 } as const;

/**
 * The one line a user reads for an error: a PavedValidationError's message as
 * is (each problem already a full sentence), otherwise the first line of the message.
 */
export function errorLine(e: unknown): string {
  if (e instanceof Error) {
    const name = e.name;
    const msg = e.message.trim();
    const cause = (e as { cause?: unknown }).cause;
    const causeName = cause instanceof Error ? cause.name : undefined;
    // A validation error lists every problem, one full sentence a line: show them all.
    if (name === "PavedValidationError" || causeName === "PavedValidationError") return msg;
    return msg.split("\n")[0] || name;
  }
  return String(e);
}
