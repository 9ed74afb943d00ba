import type { ToolCall } from "./answer.js";
import { nameProblem, namespaceProblem } from "./kube-names.js";
import { createKindLexicon } from "./planner/builtin/kind-lexicon.js";
import type { ResourceType } from "./ports.js";
import type { Scope } from "./question.js";
import { findTool } from "./tools/catalogue.js";

export type CallVerdict =
  | { ok: true; call: ToolCall }
  | { ok: false; code: "refused" | "out_of_scope" | "bad_request"; message: string };

const builtinLexicon = createKindLexicon();

/**
 * The rules every planner's calls pass (the LLM's included): a catalogue tool, never Secrets, a namespace the
 * caller may read. Returns the call normalised: canonical kind, no namespace on a cluster-scoped kind.
 */
export function checkCallPolicy(
  call: ToolCall,
  scope: Scope,
  resourceTypes?: readonly ResourceType[],
): CallVerdict {
  if (typeof call?.tool !== "string" || !findTool(call.tool)) {
    return {
      ok: false,
      code: "refused",
      message: `"${String(call?.tool)}" is not one of K8Helper's read-only tools.`,
    };
  }
  if (
    call.args !== undefined &&
    (typeof call.args !== "object" || call.args === null || Array.isArray(call.args))
  ) {
    return { ok: false, code: "bad_request", message: `The arguments of ${call.tool} must be an object.` };
  }
  const lexicon = resourceTypes ? createKindLexicon(resourceTypes) : builtinLexicon;
  const args: Record<string, unknown> = { ...(call.args ?? {}) };
  if (typeof args.kind === "string") {
    const wanted = args.kind.trim().toLowerCase();
    if (/^(secrets?|密钥)(\.|$)/.test(wanted)) {
      return {
        ok: false,
        code: "refused",
        message: "K8Helper never reads Secrets: their values stay in the cluster.",
      };
    }
    args.kind = lexicon.canonical(wanted) ?? wanted;
    if (!lexicon.isNamespaced(args.kind as string)) delete args.namespace;
  }
  const badName = argumentNameProblem(args);
  if (badName) return { ok: false, code: "bad_request", message: `${call.tool}: ${badName}` };
  const allowed = scope.namespaces;
  if (allowed && typeof args.namespace === "string" && !allowed.includes(args.namespace)) {
    const list = allowed.length > 0 ? allowed.join(", ") : "none";
    return {
      ok: false,
      code: "out_of_scope",
      message: `Namespace "${args.namespace}" is outside what you may read here (allowed: ${list}).`,
    };
  }
  return { ok: true, call: { tool: call.tool, args } };
}

/**
 * Names that cannot be Kubernetes names, refused before any tool runs. The kind's exact naming rule is applied
 * again when the request is resolved; here every name must at least stay one path segment.
 */
function argumentNameProblem(args: Record<string, unknown>): string | undefined {
  const checks: [string, (value: string) => string | undefined][] = [
    ["namespace", namespaceProblem],
    ["name", (value) => nameProblem(value, "path-segment")],
    ["container", (value) => nameProblem(value, "dns1123-label")],
  ];
  for (const [key, problemOf] of checks) {
    const value = args[key];
    if (typeof value !== "string") continue;
    const problem = problemOf(value);
    if (problem) return `${key} ${JSON.stringify(value)} is not a valid Kubernetes name: it ${problem}.`;
  }
  return undefined;
}

/** A call checked against its tool's zod schema in the catalogue; the parsed arguments on success. */
export function validateCall(call: ToolCall): CallVerdict {
  const tool = findTool(call.tool);
  if (!tool)
    return {
      ok: false,
      code: "refused",
      message: `"${call.tool}" is not one of K8Helper's read-only tools.`,
    };
  const parsed = tool.args.safeParse(call.args ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "args"}: ${issue.message}`,
    );
    return {
      ok: false,
      code: "bad_request",
      message: `Invalid arguments for ${tool.name}: ${problems.join("; ")}`,
    };
  }
  return { ok: true, call: { tool: tool.name, args: parsed.data as Record<string, unknown> } };
}
