import { CodedError } from "../../core/errors.js";
import { formatDuration } from "../../core/format-duration.js";

/** What a request was for, so a refusal can say which permission is missing. */
export interface RequestPurpose {
  verb: "get" | "list";
  /** `pods`, `pods/log`, `nodes.metrics.k8s.io`, `discovery`... */
  resource: string;
  namespace?: string;
  name?: string;
}

interface KubeStatus {
  kind?: string;
  message?: string;
  reason?: string;
}

/** Maps an HTTP answer that is not 2xx to a CodedError a user can read. */
export function errorFromResponse(
  status: number,
  body: string,
  purpose: RequestPurpose,
  server: string,
): CodedError {
  const serverMessage = statusMessage(body);
  const where = purpose.namespace ? ` in ${purpose.namespace}` : "";
  const details = { status, serverMessage };
  if (status === 401) {
    return new CodedError(
      "forbidden",
      `The Kubernetes API at ${server} rejected K8Helper's credentials (401 Unauthorized)`,
      details,
    );
  }
  if (status === 403) {
    return new CodedError(
      "forbidden",
      `K8Helper's ServiceAccount may not ${purpose.verb} ${purpose.resource}${where}`,
      details,
    );
  }
  if (status === 404) {
    const what = purpose.name ? `${purpose.resource} "${purpose.name}"` : purpose.resource;
    return new CodedError("not_found", `No ${what}${where}`, details);
  }
  if (status === 410) {
    return new CodedError(
      "gone",
      "The list changed while it was being read (continue token expired); ask again",
      details,
    );
  }
  if (status === 400 || status === 422) {
    return new CodedError(
      "bad_request",
      serverMessage ?? `The Kubernetes API refused the request (${status})`,
      details,
    );
  }
  if (status === 429) {
    return new CodedError(
      "server_error",
      `The Kubernetes API at ${server} is throttling requests (429); try again shortly`,
      details,
    );
  }
  const suffix = serverMessage ? `: ${serverMessage}` : "";
  return new CodedError(
    "server_error",
    `The Kubernetes API at ${server} answered ${status}${suffix}`,
    details,
  );
}

/** Maps a network failure, an abort or a timeout to a CodedError; never exposes a stack trace. */
export function errorFromFailure(error: unknown, server: string, timeoutMs: number): CodedError {
  if (error instanceof CodedError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError") {
    return new CodedError(
      "timeout",
      `The Kubernetes API at ${server} did not answer within ${formatDuration(timeoutMs)}`,
    );
  }
  if (name === "AbortError")
    return new CodedError("timeout", "The request to the Kubernetes API was cancelled");
  const code = networkCode(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  const reason = NETWORK_REASONS[code ?? ""] ?? code?.toLowerCase() ?? cause ?? "the connection failed";
  return new CodedError("unreachable", `Cannot reach the Kubernetes API at ${server}: ${reason}`, { code });
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "the connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  UND_ERR_SOCKET: "the connection was closed",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed and not trusted by the kubeconfig",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate is not trusted by the kubeconfig",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate is not trusted by the kubeconfig",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate does not match its address",
  CERT_HAS_EXPIRED: "the server's certificate has expired",
};

/** undici wraps the socket error in `cause` (sometimes an AggregateError of several attempts). */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof candidate.code === "string" && candidate.code !== "UND_ERR") return candidate.code;
    current = candidate.cause ?? candidate.errors?.[0];
  }
  return undefined;
}

function statusMessage(body: string): string | undefined {
  try {
    const status = JSON.parse(body) as KubeStatus;
    return typeof status.message === "string" && status.message ? status.message : undefined;
  } catch {
    const text = body.trim();
    return text && text.length < 300 ? text : undefined;
  }
}
