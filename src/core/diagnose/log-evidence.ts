import type { Finding } from "../answer.js";
import { isCodedError } from "../errors.js";
import type { ToolContext } from "../tools/define-tool.js";

const MAX_PODS = 5;
const LINES = 5;

/** The last lines before a crash are the best evidence there is: add them to CrashLoopBackOff findings (a few pods at most). */
export async function addCrashLogs(context: ToolContext, findings: Finding[]): Promise<void> {
  const crashing = findings
    .filter((finding) => finding.reason === "CrashLoopBackOff" && finding.object.namespace)
    .slice(0, MAX_PODS);
  await Promise.all(
    crashing.map(async (finding) => {
      const container = /^Container (\S+)/.exec(finding.message)?.[1];
      try {
        const log = await context.cluster.podLogs({
          name: finding.object.name,
          namespace: finding.object.namespace!,
          container,
          previous: true,
          tailLines: LINES,
        });
        const lines = log.split("\n").filter((line) => line.trim() !== "");
        if (lines.length > 0)
          finding.evidence.push(`previous log: ${lines.map((line) => context.redact(line)).join(" ⏎ ")}`);
      } catch (error) {
        // Logs are extra evidence: a pod without a previous log (or without log permission) still gets its finding.
        if (!isCodedError(error)) throw error;
      }
    }),
  );
}
