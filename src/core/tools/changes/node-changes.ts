import { conditionsOf } from "../object-shapes.js";
import {
  type ChangeEntry,
  type ChangeSnapshot,
  type ChangeWindow,
  inWindow,
  timeOf,
} from "./change-entry.js";

/** Node condition transitions in the window: Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable. */
export function nodeChanges(snapshot: ChangeSnapshot, window: ChangeWindow): ChangeEntry[] {
  return snapshot.nodes.flatMap((node) =>
    conditionsOf(node)
      .filter((condition) => inWindow(timeOf(condition.lastTransitionTime), window))
      .map(
        (condition): ChangeEntry => ({
          atMs: timeOf(condition.lastTransitionTime),
          aspect: "node",
          kind: "Node",
          name: node.metadata.name,
          what: `${condition.type} became ${condition.status}${condition.reason ? ` (${condition.reason})` : ""}${condition.message ? `: ${condition.message}` : ""}`,
          about: [node.metadata.name],
        }),
      ),
  );
}
