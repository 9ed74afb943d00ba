/** What the next matching requests suffer: added latency, a forced error status, or a dropped connection. */
export interface FaultSpec {
  latencyMs?: number;
  status?: number;
  dropConnection?: boolean;
  /** Only requests whose path (with query) matches; every request when absent. */
  pathPattern?: RegExp;
}

/** Failure injection for tests of how clients behave when the cluster misbehaves. */
export class FaultInjector {
  private spec: FaultSpec | undefined;

  set(spec: FaultSpec): void {
    this.spec = { ...spec };
  }

  clear(): void {
    this.spec = undefined;
  }

  /** The fault for a request path, if one applies. */
  forPath(pathWithQuery: string): FaultSpec | undefined {
    const spec = this.spec;
    if (!spec) return undefined;
    if (spec.pathPattern) {
      spec.pathPattern.lastIndex = 0;
      if (!spec.pathPattern.test(pathWithQuery)) return undefined;
    }
    return spec;
  }
}

const reasons: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  410: "Expired",
  429: "TooManyRequests",
  500: "InternalError",
  503: "ServiceUnavailable",
  504: "Timeout",
};

export function injectedStatusReason(code: number): string {
  return reasons[code] ?? "InternalError";
}
