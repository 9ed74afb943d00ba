import { badRequest } from "./api-status.js";

/**
 * The request path as kube-apiserver routes and authorises it: Go's net/url percent-decodes the path (`%2F` is
 * a slash there), then it is split on `/`, with empty and `.` segments dropped and `..` removing the one before.
 * A client that relies on `%2F` or `..` staying inside one segment addresses something else on a real server.
 */
export function decodeRequestPath(rawUrl: string): string {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] || "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    throw badRequest(`invalid URL escape in the path ${JSON.stringify(rawPath)}`);
  }
  const segments: string[] = [];
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join("/")}`;
}
