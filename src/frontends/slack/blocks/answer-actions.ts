import type { types } from "@slack/bolt";
import type { Answer } from "../../../core/answer.js";
import { encodeButtonValue } from "./button-value.js";
import { labelsFor } from "./labels.js";

/** The action ids the listeners register; the buttons below are the only places that emit them. */
export const ACTION_IDS = {
  refresh: "k8s_refresh",
  details: "k8s_details",
  diagnose: "k8s_diagnose",
} as const;

/**
 * What Diagnose should look at: the object of the first finding, or the kind and namespace of the listing
 * whose rows looked unhealthy (one unhealthy row narrows it to that object). Undefined: no Diagnose button.
 */
export function diagnoseArguments(answer: Answer): Record<string, string | boolean> | undefined {
  for (const part of answer.parts) {
    if (part.type === "findings" && part.findings.length > 0) {
      const { object } = part.findings[0];
      return withNamespace({ kind: object.kind.toLowerCase(), name: object.name }, object.namespace);
    }
  }
  const table = answer.parts.find((part) => part.type === "table" && (part.unhealthyRows?.length ?? 0) > 0);
  if (table?.type !== "table") return undefined;
  const listing = answer.calls.find((call) => call.tool === "get_resources" && call.ok);
  const args: Record<string, string | boolean> = {};
  if (typeof listing?.args.kind === "string") args.kind = listing.args.kind;
  const unhealthy = table.unhealthyRows ?? [];
  if (unhealthy.length === 1 && table.nameColumn !== undefined) {
    const name = table.rows[unhealthy[0]]?.[table.nameColumn];
    if (typeof name === "string" && name) args.name = name;
  }
  if (listing?.args.all_namespaces === true && !args.name) args.all_namespaces = true;
  return withNamespace(args, answer.namespace ?? (listing?.args.namespace as string | undefined));
}

function withNamespace(args: Record<string, string | boolean>, namespace: string | undefined) {
  return namespace && !args.all_namespaces ? { ...args, namespace } : args;
}

/** Refresh, Details, and Diagnose when something looks unhealthy. */
export function renderAnswerActions(answer: Answer): types.ActionsBlock {
  const labels = labelsFor(answer.language);
  const base = { id: answer.requestId, ...(answer.language === "zh" ? { l: "zh" as const } : {}) };
  const elements: types.Button[] = [
    {
      type: "button",
      action_id: ACTION_IDS.refresh,
      text: { type: "plain_text", text: labels.refresh },
      value: encodeButtonValue(base),
    },
    {
      type: "button",
      action_id: ACTION_IDS.details,
      text: { type: "plain_text", text: labels.details },
      value: encodeButtonValue(base),
    },
  ];
  const diagnose = diagnoseArguments(answer);
  if (diagnose) {
    elements.push({
      type: "button",
      action_id: ACTION_IDS.diagnose,
      style: "primary",
      text: { type: "plain_text", text: labels.diagnose },
      value: encodeButtonValue({ ...base, d: diagnose }),
    });
  }
  return { type: "actions", block_id: `actions-${answer.requestId}`, elements };
}
