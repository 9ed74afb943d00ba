import type { Finding } from "../answer.js";
import { isCodedError } from "../errors.js";
import type { KubeObject } from "../ports.js";
import type { ToolContext } from "../tools/define-tool.js";
import { type PodSpec, podSpec } from "../tools/object-shapes.js";
import { FAILED_POD_PREFIX } from "./jobs.js";

const MAX_PODS = 8;
const TAIL_LINES = 60;
/** Lines that say what went wrong: exception headers, panics, error-level log records. */
const ERROR_LINE =
  /^(?:[\w.$]*(?:Error|Exception)\b|panic:|fatal error:|Traceback|FATAL)|"level":\s*"(?:error|fatal|panic)"|\blevel=(?:error|fatal)\b|\b(?:failed|failure)(?:[;:,.]|\s*$)/i;

/** Log evidence is extra: a slow log read must not cost the findings themselves (the tool has one time limit). */
const LOG_BUDGET_MS = 2_000;

/** Whose log explains the finding: a crashed run's (the previous one), or the running one's that is not ready. */
const LOG_OF: Record<string, { previous: boolean; label: string; ended: boolean }> = {
  CrashLoopBackOff: { previous: true, label: "previous log", ended: true },
  // The run the kernel killed: its last lines show what filled the memory ("heap usage 98%").
  OOMKilled: { previous: true, label: "previous log", ended: true },
  ReadinessProbeFailed: { previous: false, label: "log", ended: false },
  ContainerNotReady: { previous: false, label: "log", ended: false },
  // A failed job's pod has ended: its own log is the run that failed.
  JobFailed: { previous: false, label: "log", ended: true },
};

/** The pod whose log explains the finding: the pod itself, or a failed job's newest failed pod. */
function podOf(finding: Finding): string | undefined {
  if (finding.reason !== "JobFailed") return finding.object.name;
  const line = finding.evidence.find((text) => text.startsWith(FAILED_POD_PREFIX));
  return line?.slice(FAILED_POD_PREFIX.length);
}

/**
 * What a crashed or unready run said is the best evidence there is: add its error lines to the finding (a few pods
 * at most). Reads that have not answered within the budget are left out.
 */
export async function addCrashLogs(
  context: ToolContext,
  findings: Finding[],
  pods: readonly KubeObject[] = [],
): Promise<void> {
  const crashing = podsWorthReading(findings, pods).slice(0, MAX_PODS);
  const evidence = new Map<Finding, string[]>();
  const reads = Promise.all(
    crashing.map(async (finding) => {
      const container = /^Container (\S+)/.exec(finding.message)?.[1];
      try {
        const log = await context.cluster.podLogs({
          name: podOf(finding)!,
          namespace: finding.object.namespace!,
          container,
          previous: LOG_OF[finding.reason].previous,
          tailLines: TAIL_LINES,
        });
        // The whole log is redacted before lines are picked, so a key split over lines is masked as a whole.
        const redacted = context.redact(log);
        const lines = LOG_OF[finding.reason].ended ? tellingLines(redacted) : errorLines(redacted);
        const pod = pods.find(
          (candidate) =>
            candidate.metadata.name === podOf(finding) &&
            candidate.metadata.namespace === finding.object.namespace,
        );
        evidence.set(finding, [
          ...lines.map((line) => `${LOG_OF[finding.reason].label}: ${line}`),
          ...configMapsTheLogReads(redacted, pod, container),
        ]);
      } catch (error) {
        // A pod without a previous log (or without log permission) still gets its finding.
        if (!isCodedError(error)) throw error;
      }
    }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, LOG_BUDGET_MS);
  });
  await Promise.race([reads, budget]).finally(() => clearTimeout(timer));
  // The log line goes right after the state line: it is what the first screen must show.
  for (const [finding, lines] of evidence) finding.evidence.splice(1, 0, ...lines);
}

/**
 * The findings whose pod log can explain them, one pod per owner (two replicas of a crash say the same), leaving out
 * pods on a node that is not ready (their kubelet cannot serve a log), so the budget reaches every failing workload.
 */
function podsWorthReading(findings: Finding[], pods: readonly KubeObject[]): Finding[] {
  const unreachable = new Set(
    findings
      .filter((finding) => finding.reason === "PodOnNotReadyNode")
      .map((finding) => `${finding.object.namespace}/${finding.object.name}`),
  );
  const owners = new Set<string>();
  return findings.filter((finding) => {
    const pod = podOf(finding);
    if (!LOG_OF[finding.reason] || !finding.object.namespace || !pod) return false;
    if (unreachable.has(`${finding.object.namespace}/${pod}`)) return false;
    const owner = pods.find(
      (candidate) =>
        candidate.metadata.name === pod && candidate.metadata.namespace === finding.object.namespace,
    )?.metadata.ownerReferences?.[0]?.name;
    if (!owner) return true;
    const key = `${finding.object.namespace}/${owner}/${finding.reason}`;
    if (owners.has(key)) return false;
    owners.add(key);
    return true;
  });
}

/** A running container's error lines only (its last line is usually a healthy request). */
function errorLines(log: string): string[] {
  const lines = tellingLines(log);
  return lines.filter((line) => ERROR_LINE.test(line.trimStart()));
}

/**
 * The last two error lines of a crashed run (not stack frames), else its last line; and the source line a runtime
 * printed above a caret (Node.js, Python), which names what was missing ("config.paymentGateway.region").
 */
export function tellingLines(log: string): string[] {
  const lines = log
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "");
  const errors = lines.filter((line) => ERROR_LINE.test(line.trimStart()) && !/^\s+at\s/.test(line));
  const failing = lines.filter(
    (line, index) => CARET_LINE.test(lines[index + 1] ?? "") && !CARET_LINE.test(line),
  );
  const chosen =
    errors.length > 0
      ? [...failing.slice(-1).map((line) => line.trim()), ...errors.slice(-2)]
      : lines.slice(-1);
  return chosen.map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line));
}

// A line of only spaces and carets (or tildes before them) that points into the source line above it.
const CARET_LINE = /^\s*[~]*\^[\^~]*\s*$/;

export const CONFIG_READ_PREFIX = "reads config from ConfigMap ";

/**
 * "loading configuration from /etc/checkout/config.yaml": a crashed run that read a file under a ConfigMap's mount
 * points at that ConfigMap, which is what to check next.
 */
function configMapsTheLogReads(
  log: string,
  pod: KubeObject | undefined,
  container: string | undefined,
): string[] {
  const spec: PodSpec = pod ? podSpec(pod) : {};
  const mounts =
    spec.containers?.find((candidate) => container === undefined || candidate.name === container)
      ?.volumeMounts ?? [];
  return mounts.flatMap((mount) => {
    const configMap = spec.volumes?.find((volume) => volume.name === mount.name)?.configMap?.name;
    const path = mount.mountPath?.replace(/\/+$/, "");
    if (!configMap || !path || !log.includes(`${path}/`)) return [];
    return [`${CONFIG_READ_PREFIX}${configMap} (mounted at ${path})`];
  });
}
