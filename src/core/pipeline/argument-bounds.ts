/**
 * Size bounds on tool arguments, checked before any other rule so an oversized value never reaches a parser,
 * the redactor or the cluster: Kubernetes names are at most 253 characters, selectors a kilobyte.
 */
const NAME_ARGS = new Set(["name", "namespace", "container", "kind", "node"]);
const MAX_NAME = 253;
const MAX_SELECTOR = 1024;
const MAX_OTHER_STRING = 1024;
const MAX_ARGS_JSON = 4096;

/** A clear message for the first argument over its bound, or undefined when all fit. */
export function oversizedArgument(args: unknown): string | undefined {
  if (!args || typeof args !== "object") return undefined;
  for (const [field, value] of Object.entries(args as Record<string, unknown>)) {
    if (typeof value !== "string") continue;
    const limit = NAME_ARGS.has(field)
      ? MAX_NAME
      : field.includes("selector")
        ? MAX_SELECTOR
        : MAX_OTHER_STRING;
    if (value.length > limit)
      return `"${field}" is ${value.length} characters long; at most ${limit} are accepted${limit === MAX_NAME ? " (Kubernetes names are at most 253)" : ""}.`;
  }
  let json: string;
  try {
    json = JSON.stringify(args);
  } catch {
    return "The arguments cannot be read as JSON.";
  }
  if (json.length > MAX_ARGS_JSON)
    return `The arguments are ${json.length} characters long; at most ${MAX_ARGS_JSON} are accepted.`;
  return undefined;
}
