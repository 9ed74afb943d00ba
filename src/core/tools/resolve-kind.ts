import { CodedError } from "../errors.js";
import type { Cluster, ResourceType } from "../ports.js";
import { closeMatches } from "./close-matches.js";

/**
 * A kind as a user or planner wrote it (plural, singular, short name, Kind, `plural.group`, any case)
 * → the served resource type. Secrets are refused here, before any request.
 */
export async function resolveKind(cluster: Cluster, kind: string): Promise<ResourceType> {
  const wanted = kind.trim().toLowerCase();
  if (isSecretKind(wanted)) throw refuseSecrets();
  const types = await cluster.resourceTypes();
  const type = findType(types, wanted);
  if (!type) {
    const names = types
      .filter((candidate) => candidate.kind !== "Secret")
      .map((candidate) => candidate.plural);
    const close = closeMatches(wanted, names);
    const hint = close.length > 0 ? `; did you mean ${close.join(", ")}?` : "";
    throw new CodedError("bad_request", `Unknown kind "${kind}"${hint}`, { kind, suggestions: close });
  }
  if (type.kind === "Secret") throw refuseSecrets();
  return type;
}

/** The first match in discovery order (core before other groups), the way kubectl picks. */
function findType(types: ResourceType[], wanted: string): ResourceType | undefined {
  const dot = wanted.indexOf(".");
  const [name, group] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot + 1)] : [wanted, undefined];
  const inGroup = group === undefined ? types : types.filter((type) => type.group === group);
  return (
    inGroup.find((type) => type.plural === name) ??
    inGroup.find((type) => type.singular === name || type.kind.toLowerCase() === name) ??
    inGroup.find((type) => type.shortNames.includes(name))
  );
}

function isSecretKind(kind: string): boolean {
  return kind === "secret" || kind === "secrets" || kind.startsWith("secrets.") || kind === "密钥";
}

function refuseSecrets(): CodedError {
  return new CodedError("refused", "K8Helper never reads Secrets: their values stay in the cluster");
}

/** A read of this type requires listing; subresource-only or watch-only types are refused plainly. */
export function requireVerb(type: ResourceType, verb: "get" | "list"): void {
  if (type.verbs.length > 0 && !type.verbs.includes(verb)) {
    throw new CodedError("bad_request", `The API does not allow ${verb} on ${type.plural}`);
  }
}
