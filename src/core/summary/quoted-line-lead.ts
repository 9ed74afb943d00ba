import type { AnswerPart, Finding } from "../answer.js";
import type { ExecutedCall } from "../ports.js";
import type { Language } from "../question.js";
import { quotedLines } from "../quoted-lines.js";

const MAX_NAMED = 3;

/**
 * "日志里有 `model download failed: AccessDenied (403)`，是哪个服务？": the findings whose evidence holds the quoted line
 * say where it came from, before the rest of the diagnosis ("`…` is in the evidence of pod shop/recommendation-…").
 */
export function quotedLineLead(language: Language, executed: ExecutedCall[], question: string): string {
  const [quote] = quotedLines(question);
  if (!quote) return "";
  const wanted = normalised(quote);
  const matching = executed
    .flatMap((call) => call.parts)
    .flatMap(findingsOf)
    .filter((finding) => finding.evidence.some((line) => normalised(line).includes(wanted)));
  const objects = [...new Map(matching.map((finding) => [objectText(finding), finding])).values()];
  if (objects.length === 0) return "";
  const shown = objects.slice(0, MAX_NAMED).map((finding) => `${objectText(finding)} (${finding.reason})`);
  const line = quote.length > 60 ? `${quote.slice(0, 57)}...` : quote;
  return language === "zh"
    ? `\`${line}\` 出自 ${shown.join("、")}。`
    : `\`${line}\` comes from ${shown.join(", ")}.`;
}

function findingsOf(part: AnswerPart): Finding[] {
  return part.type === "findings" ? part.findings : [];
}

function objectText(finding: Finding): string {
  const { kind, name, namespace } = finding.object;
  return `${kind.toLowerCase()} ${namespace ? `${namespace}/` : ""}${name}`;
}

function normalised(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}
