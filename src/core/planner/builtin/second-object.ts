import type { ToolCall } from "../../answer.js";
import type { ParsedQuestion } from "./reading.js";

// A clause of its own: "db-migrate failed — is postgres itself up?", "checkout is slow; is redis ok?".
const CLAUSES = /[—–;?？。；!！]|\s-\s|,\s*(?:and\s+)?(?=is|are|does|do|can)\b|，/;
const HEALTH_ASKED =
  /\b(?:up|ok|okay|running|healthy|fine|alive|down|ready|working|broken)\b|正常|好的吗|还好|在跑|活着|挂了|健康/;

/**
 * "db-migrate failed — is postgres itself up?": a later clause that asks about the health of another object the
 * cluster knows asks for that object's diagnosis too, after what the plan read.
 */
export function withSecondObjectAsked(text: string, parsed: ParsedQuestion, calls: ToolCall[]): ToolCall[] {
  const names = parsed.known;
  if (!names?.complete || calls.length !== 1) return calls;
  const planned = new Set(calls.map((call) => call.args.name).filter((name) => typeof name === "string"));
  if (planned.size === 0) return calls;
  const clauses = text.split(CLAUSES).slice(1);
  for (const clause of clauses) {
    if (!HEALTH_ASKED.test(clause)) continue;
    const other = [...clause.matchAll(/[a-z0-9][a-z0-9-]*[a-z0-9]/g)]
      .map((match) => match[0])
      .find((word) => !planned.has(word) && names.objects.has(word) && !names.namespaces.has(word));
    if (other) return [...calls, { tool: "diagnose", args: { name: other } }];
  }
  return calls;
}
