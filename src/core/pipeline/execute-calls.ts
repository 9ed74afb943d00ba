import type { CallRecord, ToolCall } from "../answer.js";
import { checkCallPolicy } from "../call-policy.js";
import { CodedError, errorMessage, isCodedError } from "../errors.js";
import { formatDuration } from "../format-duration.js";
import type { Clock, Cluster, CronRuns, ExecutedCall, Logger, YamlWriter } from "../ports.js";
import type { Language, Scope } from "../question.js";
import { redactText } from "../redact.js";
import { scopedCluster } from "../scoped-cluster.js";
import { describeCallProgress } from "../summary/progress.js";
import type { ToolDefinition } from "../tools/define-tool.js";
import type { AnswerHooks } from "./answer-service.js";
import { oversizedArgument } from "./argument-bounds.js";

export interface ExecutionSettings {
  toolTimeoutMs: number;
  defaultNamespace?: string;
}

export interface ExecutionContext {
  cluster: Cluster;
  scope: Scope;
  tools: readonly ToolDefinition[];
  clock: Clock;
  logger: Logger;
  toYaml: YamlWriter;
  /** CronJob schedules for diagnose (an adapter); without it CronJobs are checked for runs, not missed ones. */
  cronRuns?: CronRuns;
  settings: ExecutionSettings;
}

/** A call that passed policy, scope and its tool's zod schema, ready to run. */
export interface CheckedCall {
  call: ToolCall;
  tool: ToolDefinition;
}

/** Policy + scope + zod: a checked call, or the failed record that explains why it will not run. */
export function checkCall(
  call: ToolCall,
  context: Pick<ExecutionContext, "scope" | "tools">,
): CheckedCall | CallRecord {
  const oversized = oversizedArgument(call?.args);
  // The oversized arguments are not echoed back (into answers, logs and the audit trail).
  if (oversized)
    return failedRecord({ tool: String(call.tool).slice(0, 64), args: {} }, "bad_request", oversized);
  const verdict = checkCallPolicy(call, context.scope);
  if (!verdict.ok) return failedRecord(call, verdict.code, verdict.message);
  const tool = context.tools.find((candidate) => candidate.name === verdict.call.tool);
  if (!tool) return failedRecord(call, "refused", `"${call.tool}" is not one of K8Helper's read-only tools.`);
  const parsed = tool.args.safeParse(verdict.call.args ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "args"}: ${issue.message}`,
    );
    return failedRecord(call, "bad_request", `Invalid arguments for ${tool.name}: ${problems.join("; ")}`);
  }
  return { call: { tool: tool.name, args: parsed.data as Record<string, unknown> }, tool };
}

export function isCheckedCall(value: CheckedCall | CallRecord): value is CheckedCall {
  return "tool" in value && typeof value.tool === "object";
}

/** Checks every call, runs the valid ones in parallel (each with a timeout) and keeps the input order. */
export async function executeCalls(calls: ToolCall[], context: ExecutionContext): Promise<ExecutedCall[]> {
  return Promise.all(
    calls.map(async (call) => {
      const checked = checkCall(call, context);
      if (!isCheckedCall(checked)) return { record: checked, parts: [], notes: [] };
      return runCheckedCall(checked, context);
    }),
  );
}

/** Says each call as progress ("Looking at pods in shop…"), then runs them: what every planner path does. */
export function executeWithProgress(
  calls: ToolCall[],
  context: ExecutionContext,
  language: Language,
  hooks: AnswerHooks,
): Promise<ExecutedCall[]> {
  for (const call of calls) hooks.onProgress?.(describeCallProgress(call, language));
  return executeCalls(calls, context);
}

async function runCheckedCall({ call, tool }: CheckedCall, context: ExecutionContext): Promise<ExecutedCall> {
  const started = context.clock.now();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(
        new CodedError(
          "timeout",
          `${tool.name} did not finish within ${formatDuration(context.settings.toolTimeoutMs)}.`,
        ),
      );
    }, context.settings.toolTimeoutMs);
  });
  try {
    const output = await Promise.race([
      tool.run(
        {
          cluster: scopedCluster(context.cluster, context.scope),
          scope: context.scope,
          defaultNamespace: defaultNamespaceFor(context.scope, context.settings.defaultNamespace),
          redact: redactText,
          toYaml: context.toYaml,
          cronRuns: context.cronRuns,
          signal: abort.signal,
        },
        call.args as never,
      ),
      timeout,
    ]);
    return {
      record: { ...call, ok: true, durationMs: context.clock.now() - started, facts: output.facts },
      parts: output.parts,
      notes: output.notes ?? [],
    };
  } catch (error) {
    if (!isCodedError(error))
      context.logger.error({ tool: tool.name, err: errorMessage(error) }, "tool failed unexpectedly");
    const code = isCodedError(error) ? error.code : "server_error";
    const message = isCodedError(error)
      ? error.message
      : `${tool.name} failed: ${redactText(errorMessage(error))}`;
    return {
      record: { ...failedRecord(call, code, message), durationMs: context.clock.now() - started },
      parts: [],
      notes: [],
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The namespace for calls that name none: the channel's default, else the deployment's, when it lies inside the
 * caller's scope. None configured (or one outside the scope): `undefined`, and the call covers the whole scope.
 */
export function defaultNamespaceFor(scope: Scope, configured: string | undefined): string | undefined {
  const preferred = scope.defaultNamespace ?? configured;
  if (!preferred) return undefined;
  return !scope.namespaces || scope.namespaces.includes(preferred) ? preferred : undefined;
}

function failedRecord(call: ToolCall, code: string, message: string): CallRecord {
  return { tool: call.tool, args: call.args ?? {}, ok: false, error: { code, message }, durationMs: 0 };
}
