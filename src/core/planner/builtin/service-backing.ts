import type { ToolCall } from "../../answer.js";
import type { ParsedQuestion } from "./reading.js";

// "is the ledger service backed by any pods?", "does catalog have endpoints?", ledger 服务后面有没有可用的 pod,
// "is catalog reachable?": whether ready pods stand behind a Service.
const BACKING =
  /\bbacked by\b|\bbehind (?:it|the service)\b|\b(?:have|has|got) (?:any )?(?:ready |healthy )?endpoints\b|\breachable\b|\bany (?:ready |healthy )?pods behind\b|(?:后面|后端|背后)(?:有没有|有)|有没有(?:可用|就绪|健康)?的?\s*(?:pod|容器组|端点|endpoints?)|可达/;

/**
 * Whether ready pods stand behind a Service is its endpoints, and why none do is its diagnosis: both, for the
 * last Service the question names before it asks, after the calls about the other objects it names.
 */
export function serviceBackingCalls(
  text: string,
  parsed: ParsedQuestion,
  calls: readonly ToolCall[],
): ToolCall[] | undefined {
  const asked = BACKING.exec(text);
  const names = parsed.known;
  if (!asked || !names) return undefined;
  const before = [...text.slice(0, asked.index).matchAll(/[a-z0-9][a-z0-9-]*[a-z0-9]/g)].map(
    (match) => match[0],
  );
  const name = before.reverse().find((word) => names.objects.get(word)?.includes("services"));
  if (!name) return undefined;
  const scope = parsed.namespace ? { namespace: parsed.namespace } : {};
  // "is coredns ok and does kube-dns have endpoints?": what else it asks about a known object stays asked.
  const others = calls.flatMap((call) => {
    const other = call.args.name;
    if (typeof other !== "string" || other === name || !names.objects.has(other)) return [];
    // The kind asked about the Service ("endpoints") is not the other object's.
    const { kind, ...args } = call.args;
    return [names.objects.get(other)?.includes(kind as string) ? call : { ...call, args }];
  });
  return [
    ...others,
    { tool: "get_resources", args: { kind: "endpoints", name, ...scope } },
    { tool: "diagnose", args: { kind: "services", name, ...scope } },
  ];
}
