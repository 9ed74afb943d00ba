import type { KubeConfig } from "@kubernetes/client-node";
import { fetch } from "undici";
import { CodedError } from "../../core/errors.js";
import { assertNotSecret } from "../../core/resource-request.js";
import { type ApiTarget, apiPath, rbacResourceName } from "./api-paths.js";
import { errorFromFailure, errorFromResponse, type RequestPurpose } from "./kube-errors.js";
import { createRequestCredentials } from "./request-credentials.js";

/** kubectl's Accept: a Table in either meta.k8s.io version, else the plain list (an API that prints no Table). */
export const TABLE_ACCEPT =
  "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

export interface KubeRequest {
  target: ApiTarget;
  query?: Record<string, string | number | boolean | undefined>;
  accept?: string;
  /** What the request is for, in error messages; derived from a resource target when absent. */
  purpose?: RequestPurpose;
  signal?: AbortSignal;
}

export interface KubeResponse {
  body: string;
  bytes: number;
  contentType: string;
}

/**
 * GET only. The only other requests K8Helper ever sends are the start-up identity check's
 * SelfSubjectRulesReview and SelfSubjectAccessReview creates (rbac-self-check.ts), which change nothing.
 */
export interface KubeHttp {
  readonly server: string;
  get(request: KubeRequest): Promise<KubeResponse>;
  getJson<T>(request: KubeRequest): Promise<T>;
}

/** Raw requests with the kubeconfig's authentication applied (the typed API drops the Table form). */
export function createKubeHttp(kubeConfig: KubeConfig, timeoutMs: number): KubeHttp {
  const server = kubeConfig.getCurrentCluster()?.server?.replace(/\/+$/, "") ?? "";
  const credentials = createRequestCredentials(kubeConfig);

  async function get(request: KubeRequest): Promise<KubeResponse> {
    // The guard looks at the resolved request, never at a path string; apiPath checks every name again.
    if (request.target.kind === "resource") assertNotSecret(request.target.request);
    const path = apiPath(request.target);
    const url = new URL(server + path);
    // The URL parser resolves dot segments: a path it rewrites is not the request that was checked.
    if (!url.pathname.endsWith(path))
      throw new CodedError(
        "bad_request",
        `Refusing to send a request whose path the URL parser rewrote (${path}).`,
      );
    const purpose = request.purpose ?? purposeOf(request.target);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
    }
    let applied: Awaited<ReturnType<typeof credentials>>;
    try {
      applied = await credentials(url.toString());
    } catch (error) {
      throw authenticationError(error, server);
    }
    const headers: Record<string, string> = {
      ...applied.headers,
      accept: request.accept ?? "application/json",
    };
    const dispatcher = applied.dispatcher;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    try {
      const response = await fetch(url, { method: "GET", headers, dispatcher, signal });
      const body = await response.text();
      if (!response.ok) throw errorFromResponse(response.status, body, purpose, server);
      return {
        body,
        bytes: Buffer.byteLength(body),
        contentType: response.headers.get("content-type") ?? "",
      };
    } catch (error) {
      throw errorFromFailure(error, server, timeoutMs);
    }
  }

  return {
    server,
    get,
    async getJson<T>(request: KubeRequest): Promise<T> {
      const { body } = await get(request);
      try {
        return JSON.parse(body) as T;
      } catch {
        throw new CodedError(
          "server_error",
          `The Kubernetes API at ${server} answered with something that is not JSON`,
        );
      }
    },
  };
}

function purposeOf(target: ApiTarget): RequestPurpose {
  if (target.kind !== "resource") return { verb: "get", resource: "API discovery" };
  const { request } = target;
  return {
    verb: request.verb,
    resource: rbacResourceName(request),
    namespace: request.namespace,
    name: request.name,
  };
}

function authenticationError(error: unknown, server: string): CodedError {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes("HTTP protocol is not allowed")) {
    return new CodedError(
      "config",
      `The kubeconfig points at ${server} over plain HTTP, which needs insecure-skip-tls-verify: true`,
    );
  }
  return new CodedError("forbidden", `Cannot authenticate to ${server}: ${message}`);
}
