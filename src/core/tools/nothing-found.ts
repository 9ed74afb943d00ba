import type { Analyzer } from "../diagnose/analyzer.js";
import type { ToolContext } from "./define-tool.js";
import { countCovered, describeCoverage, type NamespaceTarget } from "./namespace-scope.js";

// The words an on-call engineer uses for what the analyzers read; kinds not listed keep their plural.
const CHECKED_WORDS: Record<string, string> = {
  deployments: "workloads",
  statefulsets: "workloads",
  daemonsets: "workloads",
  persistentvolumeclaims: "PVCs",
  endpoints: "services",
  horizontalpodautoscalers: "autoscalers",
  poddisruptionbudgets: "disruption budgets",
};

/** What a diagnosis looked at, for an answer that found nothing: the kinds checked and how many namespaces. */
export interface Coverage {
  checked: string[];
  /** Namespaces covered when the call spanned several (undefined for one namespace or when not countable). */
  namespaces?: number;
  note: string;
}

export const NOTHING_FOUND_NOTE = "No problems found";

/** "No problems found in all 9 namespaces (pods, workloads, nodes, PVCs, services checked)": what and where. */
export async function nothingFound(
  context: ToolContext,
  target: NamespaceTarget,
  chosen: readonly Analyzer[],
  resolved: string | undefined,
): Promise<Coverage> {
  const place = await describeCoverage(context, target);
  const checked = [
    ...new Set(chosen.flatMap((analyzer) => analyzer.covers.map((kind) => CHECKED_WORDS[kind] ?? kind))),
  ];
  const about = resolved ? ` with ${resolved}` : "";
  return {
    checked,
    namespaces: await countCovered(context, target),
    note: `${NOTHING_FOUND_NOTE}${about}${place} (${checked.join(", ")} checked)`,
  };
}
