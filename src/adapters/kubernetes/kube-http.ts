import type { KubeConfig } from "@kubernetes/client-node";
import { fetch } from "undici";
import { CodedError } from "../../core/errors.js";
import { errorFromFailure, errorFromResponse, type RequestPurpose } from "./kube-errors.js";
import { createRequestCredentials } from "./request-credentials.js";

/** kubectl's Accept: a Table in either meta.k8s.io version, else the plain list (an API that prints no Table). */
export const TABLE_ACCEPT =
  "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

export interface KubeRequest {
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  accept?: string;
  purpose: RequestPurpose;
  signal?: AbortSignal;
}

export interface KubeResponse {
  body: string;
  bytes: number;
  contentType: string;
}

/** GET only: K8Helper has no code path that sends any other verb to a cluster. */
export interface KubeHttp {
  readonly server: string;
  get(request: KubeRequest): Promise<KubeResponse>;
  getJson<T>(request: KubeRequest): Promise<T>;
}

const SECRETS_PATH = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)(?:\/namespaces\/[^/]+)?\/secrets(?:\/|$)/;

/** Raw requests with the kubeconfig's authentication applied (the typed API drops the Table form). */
export function createKubeHttp(kubeConfig: KubeConfig, timeoutMs: number): KubeHttp {
  const server = kubeConfig.getCurrentCluster()?.server?.replace(/\/+$/, "") ?? "";
  const credentials = createRequestCredentials(kubeConfig);

  async function get(request: KubeRequest): Promise<KubeResponse> {
    if (SECRETS_PATH.test(request.path)) {
      throw new CodedError("forbidden", "K8Helper never reads Secrets", { path: request.path });
    }
    const url = new URL(server + request.path);
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
      if (!response.ok) throw errorFromResponse(response.status, body, request.purpose, server);
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
