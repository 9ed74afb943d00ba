import type { Answer, Finding, Severity } from "../../../core/answer.js";
import { SEVERITY_ICONS } from "./answer-parts.js";
import type { SlackLabels } from "./labels.js";
import { escapeMrkdwn, mrkdwnSection, type SlackBlock, truncateText } from "./limits.js";

/** The block id of the cause section a diagnosis leads with. */
export const CAUSE_BLOCK_ID = "cause";

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** The evidence of a finding sorted by what it says, so the first screen can say it in that order. */
export interface CauseEvidence {
  logLines: string[];
  termination?: string;
  warningEvent?: string;
  change?: string;
}

const LOG_PREFIX = /^(?:previous log|log|last log lines?):\s*/i;
const ERROR_WORDS = /error|exception|fatal|panic|fail|traceback|refused|denied|cannot|unable|timeout|killed/i;
const TERMINATION =
  /^(?:last state:\s*)?terminated\b|\bterminated (?:OOMKilled|Error|Completed)|^container \S+: terminated/i;
const CHANGE = /^(?:recent change|change|changed|rollout|revision|image changed|updated)\b/i;

/** Reads the evidence lines the analyzers write ("previous log: …", "last state: terminated …", "Warning …"). */
export function sortEvidence(finding: Finding): CauseEvidence {
  const logs: string[] = [];
  const out: CauseEvidence = { logLines: [] };
  for (const line of finding.evidence) {
    if (LOG_PREFIX.test(line)) logs.push(line.replace(LOG_PREFIX, ""));
    else if (!out.termination && TERMINATION.test(line))
      out.termination = line.replace(/^last state:\s*/i, "");
    else if (!out.warningEvent && /^Warning\s/.test(line)) out.warningEvent = line.replace(/^Warning\s+/, "");
    else if (!out.change && CHANGE.test(line)) out.change = line;
  }
  const errors = logs.filter((line) => ERROR_WORDS.test(line));
  out.logLines = (errors.length > 0 ? errors : logs).slice(-2);
  return out;
}

/** A change the answer found elsewhere (a recent_changes table) when the finding carries none. */
function changeFromParts(answer: Answer): string | undefined {
  for (const part of answer.parts) {
    if (part.type !== "table" || !/change/i.test(part.title) || part.rows.length === 0) continue;
    return part.rows[0].filter((cell) => cell !== null && cell !== "").join(" · ");
  }
  return undefined;
}

/** The finding the answer is about: the most severe, the first of equals. */
export function topFinding(answer: Answer): Finding | undefined {
  let top: Finding | undefined;
  for (const part of answer.parts) {
    if (part.type !== "findings") continue;
    for (const finding of part.findings)
      if (!top || SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[top.severity]) top = finding;
  }
  return top;
}

/** True for an answer that is already a diagnosis: it has findings (so Diagnose would only repeat it). */
export function isDiagnosis(answer: Answer): boolean {
  return answer.parts.some((part) => part.type === "findings" && part.findings.length > 0);
}

function objectName(finding: Finding): string {
  const { kind, name, namespace } = finding.object;
  return namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
}

function quote(line: string): string {
  return `> ${escapeMrkdwn(truncateText(line, 300))}`;
}

/**
 * The cause, for the first screen: severity, object and reason, the plain sentence, then the failing
 * container's last error lines, its termination, the warning event that explains it and a preceding change.
 */
export function renderCause(answer: Answer, labels: SlackLabels): SlackBlock | undefined {
  const finding = topFinding(answer);
  if (!finding) return undefined;
  const evidence = sortEvidence(finding);
  const change = evidence.change ?? changeFromParts(answer);
  const lines = [
    `${SEVERITY_ICONS[finding.severity]} *${labels.severity[finding.severity]}* · *${escapeMrkdwn(objectName(finding))}* · ${escapeMrkdwn(finding.reason)}`,
    escapeMrkdwn(truncateText(finding.message, 500)),
  ];
  if (evidence.logLines.length > 0) lines.push(`*${labels.lastErrorLines}*`, ...evidence.logLines.map(quote));
  if (evidence.termination) lines.push(`*${labels.termination}*`, quote(evidence.termination));
  if (evidence.warningEvent) lines.push(`*${labels.warningEvent}*`, quote(evidence.warningEvent));
  if (change) lines.push(`*${labels.precedingChange}*`, quote(change));
  return mrkdwnSection(truncateText(lines.join("\n"), 2_900), CAUSE_BLOCK_ID);
}

/** The notification text of a diagnosis: the cause first ("Critical: Pod shop/x CrashLoopBackOff: TypeError…"). */
export function causeHeadline(answer: Answer, labels: SlackLabels): string | undefined {
  const finding = topFinding(answer);
  if (!finding) return undefined;
  const evidence = sortEvidence(finding);
  const detail = evidence.logLines.at(-1) ?? evidence.termination ?? finding.message;
  return `${labels.severity[finding.severity]}: ${objectName(finding)} ${finding.reason}: ${truncateText(detail, 300)}`;
}
