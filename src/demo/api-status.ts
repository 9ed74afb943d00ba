/** A Kubernetes `Status` failure, thrown by handlers and written by the server as the response. */
export class ApiStatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiStatusError";
  }

  toStatus(): Record<string, unknown> {
    const status: Record<string, unknown> = {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
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

export function expiredContinue(): ApiStatusError {
  return new ApiStatusError(
    410,
    "Expired",
    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.",
  );
}
