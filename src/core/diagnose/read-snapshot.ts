import { isCodedError } from "../errors.js";
import type { ToolContext } from "../tools/define-tool.js";
import { listAcross } from "../tools/list-across.js";
import type { NamespaceTarget } from "../tools/namespace-scope.js";
import type { EventObject } from "../tools/object-shapes.js";
import { resolveKind } from "../tools/resolve-kind.js";
import { type Analyzer, type ClusterSnapshot, emptySnapshot, type SnapshotKind } from "./analyzer.js";

/** Reads, in parallel, only the kinds the chosen analyzers need; nodes are cluster-wide, the rest per target namespace. */
export async function readSnapshot(
  context: ToolContext,
  chosen: readonly Analyzer[],
  target: NamespaceTarget,
): Promise<ClusterSnapshot> {
  const kinds = [...new Set(chosen.flatMap((analyzer) => analyzer.reads))];
  const snapshot = emptySnapshot();
  await Promise.all(
    kinds.map(async (kind: SnapshotKind) => {
      // A kind this cluster does not serve (no DaemonSets on a trimmed API server) is simply empty.
      const type = await resolveKind(context.cluster, kind).catch((error) => {
        if (isCodedError(error) && error.code === "bad_request") return undefined;
        throw error;
      });
      if (!type) return;
      const objects = type.namespaced
        ? await listAcross(context, type, target)
        : await context.cluster.list(type, {});
      snapshot[kind] = objects as EventObject[];
    }),
  );
  return snapshot;
}
