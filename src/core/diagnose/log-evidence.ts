import type { Finding } from "../answer.js";
import { isCodedError } from "../errors.js";
import type { ToolContext } from "../tools/define-tool.js";
import { FAILED_POD_PREFIX } from "./jobs.js";

const MAX_PODS = 5;
const TAIL_LINES = 60;
/** Lines that say what went wrong: exception headers, panics, error-level log records. */
const ERROR_LINE =
  /^(?:[\w.$]*(?:Error|Exception)\b|panic:|fatal error:|Traceback|FATAL)|"level":\s*"(?:error|fatal|panic)"|\blevel=(?:error|fatal)\b|\b(?:failed|failure)(?:[;:,.]|\s*$)/i;

/** Log evidence is extra: a slow log read must not cost the findings themselves (the tool has one time limit). */
const LOG_BUDGET_MS = 2_000;

/** Whose log explains the finding: a crashed run's (the previous one), or the running one's that is not ready. */
const LOG_OF: Record<string, { previous: boolean; label: string; ended: boolean }> = {
  CrashLoopBackOff: { previous: true, label: "previous log", ended: true },
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
export async function addCrashLogs(context: ToolContext, findings: Finding[]): Promise<void> {
  const crashing = findings
    .filter((finding) => LOG_OF[finding.reason] && finding.object.namespace && podOf(finding))
    .slice(0, MAX_PODS);
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
        evidence.set(
          finding,
          lines.map((line) => `${LOG_OF[finding.reason].label}: ${line}`),
        );
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

/** A running container's error lines only (its last line is usually a healthy request). */
function errorLines(log: string): string[] {
  const lines = tellingLines(log);
  return lines.filter((line) => ERROR_LINE.test(line.trimStart()));
}

/** The last two error lines of a crashed run (not stack frames), else its last line. */
export function tellingLines(log: string): string[] {
  const lines = log
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "");
  const errors = lines.filter((line) => ERROR_LINE.test(line.trimStart()) && !/^\s+at\s/.test(line));
  const chosen = errors.length > 0 ? errors.slice(-2) : lines.slice(-1);
  return chosen.map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line));
}
