import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { parseApiPath } from "./api-routes.js";

/** The reviews K8Helper's start-up identity check creates: POSTs that change nothing. */
const IDENTITY_REVIEWS = new Set(["selfsubjectrulesreviews", "selfsubjectaccessreviews"]);

/**
 * Why a request (its path as the server decoded it) is one K8Helper must never send, or undefined: any request
 * touching Secrets, and any verb but GET/HEAD other than the identity reviews.
 */
export function forbiddenRequestReason(method: string, decodedPath: string): string | undefined {
  if (decodedPath.split("/").includes("secrets")) return "touches secrets";
  if (method === "GET" || method === "HEAD") return undefined;
  const route = parseApiPath(decodedPath);
  const review =
    method === "POST" &&
    route.kind === "resource" &&
    route.group === "authorization.k8s.io" &&
    IDENTITY_REVIEWS.has(route.plural) &&
    route.name === undefined;
  return review ? undefined : `${method} is not a read`;
}

/** Appends one line per forbidden request to a file of this process in `dir` (one file per pid: no interleaving). */
export function reportForbiddenRequest(dir: string, line: Record<string, unknown>): void {
  appendFileSync(join(dir, `forbidden-requests-${process.pid}.jsonl`), `${JSON.stringify(line)}\n`);
}
