import type { types } from "@slack/bolt";
import type { Answer } from "../../../core/answer.js";
import { isDiagnosis } from "./answer-cause.js";
import { encodeButtonValue } from "./button-value.js";
import { labelsFor } from "./labels.js";

/** The action ids the listeners register; the buttons below are the only places that emit them. */
export const ACTION_IDS = {
  refresh: "k8s_refresh",
  details: "k8s_details",
  diagnose: "k8s_diagnose",
  logs: "k8s_logs",
  retry: "k8s_retry",
} as const;

const CRASHED = /CrashLoopBackOff|OOMKilled|Error|BackOff|Terminated/i;

/**
 * What Logs should read: the pod of the first Pod finding (its previous container when it crashed), or the
 * one unhealthy row of a pod listing. Undefined when there is no pod, or the answer already shows logs.
 */
export function logsArguments(answer: Answer): Record<string, string | boolean> | undefined {
  if (answer.parts.some((part) => part.type === "code" && part.language === "log")) return undefined;
  for (const part of answer.parts) {
    if (part.type !== "findings") continue;
    const finding = part.findings.find((candidate) => candidate.object.kind.toLowerCase() === "pod");
    if (!finding) continue;
    const args: Record<string, string | boolean> = { name: finding.object.name };
    if (finding.object.namespace) args.namespace = finding.object.namespace;
    if (CRASHED.test(finding.reason)) args.previous = true;
    return args;
  }
  const listing = answer.calls.find((call) => call.tool === "get_resources" && call.ok);
  if (typeof listing?.args.kind !== "string" || !/^pods?$|^po$/i.test(listing.args.kind)) return undefined;
  const table = answer.parts.find((part) => part.type === "table" && (part.unhealthyRows?.length ?? 0) === 1);
  if (table?.type !== "table" || table.nameColumn === undefined) return undefined;
  const name = table.rows[table.unhealthyRows![0]]?.[table.nameColumn];
  if (typeof name !== "string" || !name) return undefined;
  return withNamespace({ name }, answer.namespace ?? (listing.args.namespace as string | undefined));
}

/**
 * What Diagnose should look at: the object of the first finding, or the kind and namespace of the listing
 * whose rows looked unhealthy (one unhealthy row narrows it to that object). Undefined: no Diagnose button.
 */
export function diagnoseArguments(answer: Answer): Record<string, string | boolean> | undefined {
  // An answer with findings is already a diagnosis: Diagnose would only say it again.
  if (isDiagnosis(answer)) return undefined;
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

/** Refresh, Details, Logs where a pod's logs explain it, and Diagnose where a diagnosis adds something. */
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
  const logs = logsArguments(answer);
  if (logs) {
    elements.push({
      type: "button",
      action_id: ACTION_IDS.logs,
      text: { type: "plain_text", text: labels.logs },
      value: encodeButtonValue({ ...base, g: logs }),
    });
  }
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
