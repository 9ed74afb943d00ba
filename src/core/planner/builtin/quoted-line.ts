import type { ToolCall } from "../../answer.js";
import { namesInText } from "../../names/names-in-text.js";
import type { ClusterNames, Plan } from "../../ports.js";
import { quotedLines } from "../../quoted-lines.js";
import { isKnownObject } from "./slot-names.js";

// Below the hybrid threshold: the planner could not read the words around the quote.
const DOUBTFUL = 0.6;
const RECOGNISED_CONFIDENCE = 0.75;

/**
 * A quoted line from a log ("日志里有 `model download failed: AccessDenied (403)`，是哪个服务？") says what someone
 * saw, not which object to read: its words are no names. When the plan took a name from inside the quote, or
 * names one the cluster lacks, or could not read the words around it, the objects the question names outside the
 * quote are diagnosed (the line's own known names when there are none outside); with no known name anywhere the
 * whole scope is diagnosed, whose evidence holds the failing pods' logs.
 */
export function withQuotedLineRead(plan: Plan, text: string, names: ClusterNames | undefined): Plan {
  if (plan.refusal || !names?.complete) return plan;
  const quotes = quotedLines(text);
  if (quotes.length === 0) return plan;
  const outside = quotes.reduce((rest, quote) => rest.replace(quote, " "), text);
  const planned = plan.calls.map((call) => call.args.name).filter((name) => typeof name === "string");
  const unknown = (name: string) =>
    !isKnownObject(names, name) && !names.namespaces.has(name) && !names.nodes.has(name);
  const fromQuote = (name: string) =>
    quotes.some((quote) => quote.toLowerCase().includes(name)) && !outside.toLowerCase().includes(name);
  const misread = planned.some((name) => unknown(name) || fromQuote(name));
  if (!misread && plan.confidence >= DOUBTFUL) return plan;
  const objectsIn = (part: string) =>
    namesInText(names, part)
      .filter((match) => !match.shortened && match.role !== "namespace")
      .map((match) => match.name);
  const around = objectsIn(outside);
  const objects = around.length > 0 ? around : objectsIn(quotes.join(" "));
  const calls: ToolCall[] =
    objects.length > 0
      ? objects.map((name) => ({ tool: "diagnose", args: { name } }))
      : [{ tool: "diagnose", args: {} }];
  const line = quotes[0].length > 60 ? `${quotes[0].slice(0, 57)}...` : quotes[0];
  return {
    ...plan,
    calls,
    confidence: Math.max(plan.confidence, RECOGNISED_CONFIDENCE),
    notes: [
      objects.length > 0
        ? `Read \`${line}\` as a quoted log line: diagnosed ${objects.join(", ")}.`
        : `Read \`${line}\` as a quoted log line naming no object: diagnosed the whole scope, whose evidence holds the failing pods' logs.`,
    ],
  };
}
