import type { Answer } from "../core/answer.js";

/** What a script can tell apart by the exit status alone (README and --help list them). */
export const EXIT = {
  ok: 0,
  /** Anything else that went wrong: a tool or the server failed, an internal error. */
  failed: 1,
  /** Bad usage: an unknown option or argument, a bad value, a missing or invalid configuration. */
  usage: 2,
  /** The question was refused (a write, a Secret, outside the allowed namespaces). */
  refused: 3,
  /** The object or namespace does not exist, or a name matches several objects. */
  notFound: 4,
  /** The cluster could not be reached, or did not answer in time. */
  unreachable: 5,
} as const;

export const EXIT_CODES_HELP = [
  "Exit codes:",
  "  0  answered",
  "  1  failed (a tool or the cluster returned an error)",
  "  2  bad usage or configuration (unknown option, bad value, no kubeconfig)",
  "  3  refused (a write, a Secret, a namespace out of scope)",
  "  4  not found (no such object or namespace, or an ambiguous name)",
  "  5  cluster unreachable or timed out",
].join("\n");

const BY_ERROR_CODE: Record<string, number> = {
  bad_request: EXIT.usage,
  config: EXIT.usage,
  refused: EXIT.refused,
  out_of_scope: EXIT.refused,
  not_found: EXIT.notFound,
  ambiguous: EXIT.notFound,
  gone: EXIT.notFound,
  unreachable: EXIT.unreachable,
  timeout: EXIT.unreachable,
};

/** The exit status for an error code (a CodedError's, an answer's or a failed call's). */
export function exitCodeForError(code: string | undefined): number {
  return (code && BY_ERROR_CODE[code]) || EXIT.failed;
}

/**
 * The answer's error, else its refusal, else its first failed call decides; all calls fine is 0. A planned call
 * that comes back bad_request (the API server's 400 for a container still waiting to start, say) is a failure,
 * not the asker's bad usage: only the calls a user typed (`run`) make it bad usage.
 */
export function exitCodeForAnswer(
  answer: Pick<Answer, "error" | "refusal" | "calls">,
  callsTypedByUser = false,
): number {
  if (answer.error) return exitCodeForError(answer.error.code);
  if (answer.refusal) return EXIT.refused;
  const failed = answer.calls.find((call) => !call.ok);
  if (!failed) return EXIT.ok;
  if (failed.error?.code === "bad_request" && !callsTypedByUser) return EXIT.failed;
  return exitCodeForError(failed.error?.code);
}
