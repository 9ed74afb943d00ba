/** An error a user may see: a code front ends map to Slack text, an HTTP status or an exit code. */
export type ErrorCode =
  | "bad_request"
  | "refused"
  | "out_of_scope"
  | "rate_limited"
  | "forbidden"
  | "not_found"
  | "ambiguous"
  | "unreachable"
  | "timeout"
  | "gone"
  | "server_error"
  | "llm_error"
  | "config";

export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "CodedError";
  }
}

export function isCodedError(error: unknown): error is CodedError {
  return error instanceof CodedError;
}

/** The Kubernetes API (or a name lookup) said there is no such object. */
export function isNotFound(error: unknown): error is CodedError {
  return isCodedError(error) && error.code === "not_found";
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
