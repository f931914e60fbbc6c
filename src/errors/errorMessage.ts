/**
 * How anything thrown becomes one line of text for a log, a reply or stderr: an Error's message,
 * anything else (a string, a number, an object a library rejected with) through `String`.
 * Callers add their own prefix (`corpus: cannot read …: <message>`); nothing is dropped or
 * redacted here (the Discord logger scrubs secrets).
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
