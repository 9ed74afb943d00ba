import type { ToolCall } from "../../answer.js";
import type { KindLexicon } from "./kind-lexicon.js";

// Where one request ends and the next begins: "events in shop and pods in payments", "diagnose shop, then ...",
// shop的事件和payments的pod. A cut is only a candidate: the parts are used when each stands on its own.
const CLAUSE_BREAK =
  /\s*,\s*(?:and\s+)?then\s+|\s*;\s*|\s+and\s+then\s+|\s+and\s+(?:also\s+)?|\s+then\s+|\s+&\s+|\s+as well as\s+|\s+plus\s+|以及|然后|并且|还有|同时|；|和/i;
const MAX_PARTS = 4;

/** The question cut at its conjunctions; a single part when there is nothing to cut or too much. */
export function clauseTexts(text: string): string[] {
  const parts = text
    .split(new RegExp(CLAUSE_BREAK.source, "gi"))
    .map((part) => part.trim())
    .filter((part) => part !== "");
  return parts.length >= 2 && parts.length <= MAX_PARTS ? parts : [text];
}

/**
 * A clause's calls stand on their own when nothing in them waits for a scope said elsewhere: each names its
 * namespace or every namespace, or asks about something cluster-wide. "pods" in "pods and services in shop" and
 * "logs of web-1" in "logs of web-1 and events of web-1 in shop" wait, so those questions keep their shared scope.
 */
export function standsAlone(calls: readonly ToolCall[], lexicon: KindLexicon): boolean {
  return (
    calls.length > 0 &&
    calls.every((call) => {
      const args = call.args;
      if (call.tool === "cluster_overview") return true;
      if (args.namespace !== undefined || args.all_namespaces === true) return true;
      const kind = typeof args.kind === "string" ? args.kind : undefined;
      return kind !== undefined && call.tool !== "get_events" && !lexicon.isNamespaced(kind);
    })
  );
}
