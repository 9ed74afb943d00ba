/** A Kubernetes `Status` failure, thrown by handlers and written by the server as the response. */
export class ApiStatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly metadata: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiStatusError";
  }

  toStatus(): Record<string, unknown> {
    const status: Record<string, unknown> = {
      kind: "Status",
      apiVersion: "v1",
      metadata: this.metadata,
      status: "Failure",
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = this.details;
    return status;
  }
}

export function notFound(resource: string, name: string, group = ""): ApiStatusError {
  const qualified = group === "" ? resource : `${resource}.${group}`;
  return new ApiStatusError(404, "NotFound", `${qualified} "${name}" not found`, {
    name,
    group,
    kind: resource,
  });
}

export function pathNotFound(): ApiStatusError {
  return new ApiStatusError(404, "NotFound", "the server could not find the requested resource", {});
}

export function badRequest(message: string): ApiStatusError {
  return new ApiStatusError(400, "BadRequest", message);
}

export function unauthorized(): ApiStatusError {
  return new ApiStatusError(401, "Unauthorized", "Unauthorized");
}

export function methodNotAllowed(method: string): ApiStatusError {
  return new ApiStatusError(
    405,
    "MethodNotAllowed",
    `the server does not allow this method on the requested resource (${method}: this simulated cluster is read-only)`,
    {},
  );
}

/**
 * 410 for a continue token whose snapshot is gone, with the token of an inconsistent continue in
 * `metadata.continue` (the rest of the list as it is now), as kube-apiserver answers after compaction.
 */
export function expiredContinue(inconsistentContinue?: string): ApiStatusError {
  const message = inconsistentContinue
    ? "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list."
    : "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.";
  return new ApiStatusError(
    410,
    "Expired",
    message,
    undefined,
    inconsistentContinue ? { continue: inconsistentContinue } : {},
  );
}
