import type { Answer, ToolCall } from "../../core/answer.js";
import type { AnswerService } from "../../core/pipeline/answer-service.js";
import type { Scope } from "../../core/question.js";
import { type AlertTarget, alertTargets, describeTarget } from "./alert-objects.js";
import type { Alert } from "./alert-payload.js";

/** What K8Helper found for one alert, or why it did not look. */
export interface Investigation {
  fingerprint: string;
  alertname: string;
  targets: string[];
  /** Set when the alert was not investigated: out of the channel's scope, or nothing to look at. */
  skipped?: string;
  answer?: Answer;
}

// Alerts about a container that keeps restarting: the previous container's log explains it. (A waiting
// container may never have run, an image pull say: its current log read says so, a previous one only fails.)
const restartAlerts = new Set(["KubePodCrashLooping"]);
const HOUR_SECONDS = 3_600;
const describedOnly = new Set(["horizontalpodautoscalers"]);

/** The read-only calls that investigate one target: diagnosis, logs, events, what changed before the alert. */
export function investigationCalls(
  alert: Alert,
  target: AlertTarget,
  tools: readonly { name: string }[],
  now: number,
): ToolCall[] {
  const has = (name: string) => tools.some((tool) => tool.name === name);
  const where = target.namespace ? { namespace: target.namespace } : {};
  if (target.kind === "namespaces") {
    const calls: ToolCall[] = [
      { tool: "diagnose", args: where },
      { tool: "get_events", args: { ...where, type: "Warning" } },
    ];
    if (has("recent_changes"))
      calls.push({ tool: "recent_changes", args: { ...where, since_seconds: sinceAlert(alert, now) } });
    return calls;
  }
  const object = { kind: target.kind, name: target.name, ...where };
  // diagnose has no analyzer for these: what the object says (an HPA's replicas against its maximum, its ScalingLimited condition) is the finding.
  const calls: ToolCall[] = [
    describedOnly.has(target.kind)
      ? { tool: "describe_resource", args: object }
      : { tool: "diagnose", args: object },
  ];
  if (target.kind === "pods") {
    calls.push({
      tool: "get_pod_logs",
      args: {
        name: target.name,
        ...where,
        ...(target.container ? { container: target.container } : {}),
        ...(restartAlerts.has(alert.labels.alertname) ? { previous: true } : {}),
        tail_lines: 50,
      },
    });
  }
  calls.push({ tool: "get_events", args: object });
  if (has("recent_changes"))
    calls.push({ tool: "recent_changes", args: { ...object, since_seconds: sinceAlert(alert, now) } });
  return calls;
}

/** From an hour before the alert started until now: what changed before it fired. */
function sinceAlert(alert: Alert, now: number): number {
  const started = Date.parse(alert.startsAt);
  const sinceStart = Number.isNaN(started) ? 0 : Math.max(0, Math.round((now - started) / 1000));
  return sinceStart + HOUR_SECONDS;
}

function outOfScope(targets: AlertTarget[], scope: Scope): string | undefined {
  if (!scope.namespaces) return undefined;
  const outside = targets.filter((t) => t.namespace && !scope.namespaces?.includes(t.namespace));
  if (outside.length === 0) return undefined;
  return `not investigated here: namespace ${outside[0].namespace} is outside this channel's scope (${scope.namespaces.join(", ")})`;
}

/** Investigates one alert within a scope, deterministically, with the same tools and rules as any question. */
export async function investigateAlert(
  answers: AnswerService,
  alert: Alert,
  options: { scope: Scope; channel?: string; requestId: string; now: number; fresh?: boolean },
): Promise<Investigation> {
  const targets = alertTargets(alert);
  const base = {
    fingerprint: alert.fingerprint,
    alertname: alert.labels.alertname,
    targets: targets.map(describeTarget),
  };
  if (targets.length === 0)
    return { ...base, skipped: "not investigated: its labels name no namespace or object" };
  const refused = outOfScope(targets, options.scope);
  if (refused) return { ...base, skipped: refused };
  const calls = targets
    .slice(0, 2)
    .flatMap((target) => investigationCalls(alert, target, answers.tools, options.now));
  const answer = await answers.answerCalls(
    {
      text: `alert ${alert.labels.alertname} ${base.targets.join(", ")}`,
      user: "alertmanager",
      channel: options.channel,
      frontend: "alerts",
      scope: options.scope,
      requestId: options.requestId,
      ...(options.fresh ? { fresh: true } : {}),
    },
    calls,
  );
  return { ...base, answer };
}

/** The failing container's previous log, for the Logs button: the pod the alert names, or nothing to read. */
export async function alertLogs(
  answers: AnswerService,
  alert: Alert,
  options: { scope: Scope; channel?: string; requestId: string },
): Promise<Investigation> {
  const pod = alertTargets(alert).find((target) => target.kind === "pods");
  const base = {
    fingerprint: alert.fingerprint,
    alertname: alert.labels.alertname,
    targets: pod ? [describeTarget(pod)] : [],
  };
  if (!pod) return { ...base, skipped: "no logs to read: the alert names no pod" };
  const refused = outOfScope([pod], options.scope);
  if (refused) return { ...base, skipped: refused };
  const args = {
    name: pod.name,
    namespace: pod.namespace,
    ...(pod.container ? { container: pod.container } : {}),
    tail_lines: 100,
  };
  // The previous container's log says why it died; a container that never restarted has only its current one.
  const question = {
    text: `logs of ${base.targets[0]}`,
    user: "alertmanager",
    channel: options.channel,
    frontend: "alerts" as const,
    scope: options.scope,
    requestId: options.requestId,
    fresh: true,
  };
  const previous = await answers.answerCalls(question, [
    { tool: "get_pod_logs", args: { ...args, previous: true } },
  ]);
  if (previous.calls.every((call) => call.ok)) return { ...base, answer: previous };
  return { ...base, answer: await answers.answerCalls(question, [{ tool: "get_pod_logs", args }]) };
}

/** The request id an alert's investigation runs under, in logs and errors: its fingerprint's head. */
export function alertRequestId(alert: Alert): string {
  return `alert-${alert.fingerprint.slice(0, 8)}`;
}

/** Investigates alerts one after another (each is several cluster reads), within one scope. */
export async function investigateAlerts(
  answers: AnswerService,
  alerts: Alert[],
  options: { scope: Scope; channel?: string; clock: { now(): number } },
): Promise<Investigation[]> {
  const investigations: Investigation[] = [];
  for (const alert of alerts) {
    investigations.push(
      await investigateAlert(answers, alert, {
        scope: options.scope,
        channel: options.channel,
        requestId: alertRequestId(alert),
        now: options.clock.now(),
      }),
    );
  }
  return investigations;
}
