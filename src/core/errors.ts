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

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
