import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { CodedError } from "../core/errors.js";

interface InvestigateFlags {
  alert: string;
  json?: boolean;
  kubeconfig?: string;
  context?: string;
}

function readPayload(file: string): unknown {
  let text: string;
  try {
    text = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (error) {
    throw new CodedError("bad_request", `cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CodedError("bad_request", `${file} is not JSON: give Alertmanager's webhook payload`);
  }
}

/** `k8helper investigate --alert FILE.json`: the alert investigation without Slack, for a terminal or a bridge. */
export function registerInvestigateCommand(program: Command): void {
  program
    .command("investigate")
    .description(
      "investigate the firing alerts of an Alertmanager webhook payload (read-only) and print what was found",
    )
    .requiredOption("--alert <file>", "Alertmanager's webhook JSON (version 4), or - for standard input")
    .option("--json", "print the investigations as JSON")
    .option("--kubeconfig <file>", "kubeconfig file (default: KUBECONFIG or ~/.kube/config)")
    .option("--context <context>", "kubeconfig context (cluster) to look in")
    .action(async (flags: InvestigateFlags) => {
      // Loaded when the command runs: every other command's start-up would pay for the container and renderers.
      const [
        { parseAlertGroup },
        { investigateAlerts },
        { renderAnswerText },
        { containerForCli, exitWithError },
      ] = await Promise.all([
        import("../frontends/alerts/alert-payload.js"),
        import("../frontends/alerts/investigate.js"),
        import("../frontends/cli/render-text.js"),
        import("./cli-container.js"),
      ]);
      try {
        const parsed = parseAlertGroup(readPayload(flags.alert));
        if ("problems" in parsed)
          throw new CodedError(
            "bad_request",
            `not an Alertmanager webhook payload:\n  ${parsed.problems.join("\n  ")}`,
          );
        const container = await containerForCli(flags);
        const firing = parsed.group.alerts.filter((a) => a.status === "firing");
        const investigations = await investigateAlerts(container.answers, firing, {
          scope: {},
          clock: container.clock,
        });
        await container.close();
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(investigations, null, 2)}\n`);
        } else {
          if (investigations.length === 0) process.stdout.write("No firing alerts in this payload.\n");
          for (const investigation of investigations) {
            process.stdout.write(
              `== ${investigation.alertname}: ${investigation.targets.join(", ") || "no object"}\n`,
            );
            process.stdout.write(
              `${investigation.answer ? renderAnswerText(investigation.answer) : investigation.skipped}\n\n`,
            );
          }
        }
      } catch (error) {
        exitWithError(error);
      }
    });
}
