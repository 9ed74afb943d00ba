import type { Cell } from "../answer.js";
import { CodedError, isNotFound } from "../errors.js";
import type { KubeObject, ResourceTable, ResourceType } from "../ports.js";
import { closeMatches } from "./close-matches.js";
import type { ToolContext } from "./define-tool.js";
import { isUnhealthyRow } from "./table-health.js";
import { podsGeneratedFrom, sameWorkload } from "./workload-pods.js";

export interface ResolvedName {
  name: string;
  /** "coredns → coredns-7db6d8ff4d-x2k9p" when a prefix was resolved. */
  note?: string;
}

/** What the name is looked up among, for messages: "pod", " in kube-system". */
export interface NameSpace {
  what: string;
  where: string;
}

/** Exact name wins; a unique prefix resolves; several prefixes are ambiguous; none is not_found with close names. */
export function resolveName(input: string, candidates: readonly string[], space: NameSpace): ResolvedName {
  if (candidates.includes(input)) return { name: input };
  const matches = candidates.filter((candidate) => candidate.startsWith(input));
  if (matches.length === 1) return { name: matches[0], note: `${input} → ${matches[0]}` };
  const ended = matches.length === 0 ? candidates.filter((candidate) => candidate.endsWith(`-${input}`)) : [];
  if (ended.length === 1) return { name: ended[0], note: `${input} → ${ended[0]}` };
  if (matches.length > 1) {
    const shown = matches.slice(0, 10).join(", ");
    const more = matches.length > 10 ? ` and ${matches.length - 10} more` : "";
    throw new CodedError(
      "ambiguous",
      `"${input}" matches ${matches.length} ${space.what}s${space.where}: ${shown}${more}`,
      {
        candidates: matches,
      },
    );
  }
  throw notFound(input, candidates, space);
}

export function notFound(input: string, candidates: readonly string[], space: NameSpace): CodedError {
  const close = closeMatches(input, candidates);
  const hint = close.length > 0 ? `; close names: ${close.join(", ")}` : existingHint(candidates, space);
  return new CodedError("not_found", `No ${space.what} named "${input}"${space.where}${hint}`, {
    suggestions: close,
  });
}

const FEW_EXISTING = 8;

/** "does the fast-ssd storage class exist?": with no close name, the few that do exist answer it. */
export function existingHint(candidates: readonly string[], space: NameSpace): string {
  const existing = [...new Set(candidates)];
  if (existing.length === 0) return `; there is none of that kind${space.where}`;
  return existing.length <= FEW_EXISTING ? `; the ones that exist: ${existing.join(", ")}` : "";
}

export interface FoundObject extends ResolvedName {
  object: KubeObject;
}

/** Gets an object by exact name, or else by unique prefix among the names the namespace holds. */
export async function getByName(
  context: ToolContext,
  type: ResourceType,
  input: string,
  namespace: string | undefined,
): Promise<FoundObject> {
  const ns = type.namespaced ? namespace : undefined;
  try {
    return { name: input, object: await context.cluster.get(type, input, ns) };
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const table = await context.cluster.listTable(type, { namespace: ns });
  const resolved =
    (type.plural === "pods" ? oneReplica(input, table) : undefined) ??
    resolveName(
      input,
      table.rows.map((row) => row.name),
      { what: type.singular, where: ns ? ` in ${ns}` : "" },
    );
  return { ...resolved, object: await context.cluster.get(type, resolved.name, ns) };
}

/**
 * A prefix that names several pods of one workload ("coredns" → two coredns replicas) asks about that
 * workload: one replica answers, the unhealthy one first, and the note says which and what else matched.
 */
export function oneReplica(input: string, table: ResourceTable): ResolvedName | undefined {
  const prefixed = table.rows.filter((row) => row.name.startsWith(input));
  const generated = podsGeneratedFrom(prefixed, input);
  const matches = generated.length > 0 ? generated : prefixed;
  if (matches.some((row) => row.name === input) || !sameWorkload(matches)) return undefined;
  const columns = table.columns.map((column) => column.name);
  const sorted = [...matches].sort((a, b) => a.name.localeCompare(b.name));
  const unhealthy = sorted.find((row) => isUnhealthyRow("pods", columns, row.cells as Cell[]));
  const chosen = unhealthy ?? sorted[0];
  const others = sorted.filter((row) => row !== chosen).map((row) => row.name);
  const shown = others.slice(0, 5).join(", ") + (others.length > 5 ? ` and ${others.length - 5} more` : "");
  return {
    name: chosen.name,
    note: `${input} matches ${matches.length} pods of one workload; showing ${chosen.name}${unhealthy ? " (not healthy)" : ""}, the others: ${shown}`,
  };
}
