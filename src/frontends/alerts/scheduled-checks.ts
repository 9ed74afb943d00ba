import { createHash } from "node:crypto";
import { Cron } from "croner";
import type { ScheduledCheck } from "../../config/alert-routes.js";
import type { ChannelScopes } from "../../config/channels.js";
import type { AnswerService } from "../../core/pipeline/answer-service.js";
import type { Cache, Logger } from "../../core/ports.js";
import { renderAnswerMessage } from "../slack/blocks/answer-message.js";
import { contextLine } from "../slack/blocks/limits.js";
import type { AlertDelivery } from "./alert-delivery.js";

export interface ScheduledChecksDeps {
  checks: ScheduledCheck[];
  answers: AnswerService;
  scopes: ChannelScopes;
  /** Shared by every replica: the lock that makes one of them post each run. */
  cache: Cache;
  delivery: AlertDelivery;
  logger: Logger;
}

const digest = (text: string) => createHash("sha256").update(text).digest("hex");
const LOCK_SECONDS = 3_600;
const LAST_SECONDS = 30 * 86_400;

/** What an answer says, without the parts that change every time (timings, request ids). */
function answerDigest(answer: { summary: string; parts: unknown[]; refusal: string | null }): string {
  return digest(JSON.stringify([answer.summary, answer.parts, answer.refusal]));
}

/** Runs one scheduled check for the run due at `due`: once across replicas, skipped when unchanged if asked. */
export async function runScheduledCheck(
  deps: ScheduledChecksDeps,
  check: ScheduledCheck,
  due: Date,
): Promise<"posted" | "skipped" | "locked"> {
  const id = digest(`${check.name ?? ""}\n${check.cron}\n${check.channel}\n${check.question}`).slice(0, 16);
  if (!(await deps.cache.setIfAbsent(`schedule:run:${id}:${due.toISOString()}`, "1", LOCK_SECONDS)))
    return "locked";
  const answer = await deps.answers.answer({
    text: check.question,
    user: "schedule",
    channel: check.channel,
    frontend: "alerts",
    scope: deps.scopes.scopeFor(check.channel, false),
    fresh: true,
    requestId: `schedule-${id.slice(0, 8)}`,
  });
  const lastKey = `schedule:last:${id}`;
  const current = answerDigest(answer);
  if (check.onlyWhenChanged && (await deps.cache.get(lastKey)) === current) return "skipped";
  const rendered = renderAnswerMessage(answer, { now: due.getTime() });
  const blocks = [
    contextLine(
      `Scheduled check${check.name ? ` *${check.name}*` : ""} (\`${check.cron}\`), run due ${due.toISOString().slice(0, 19).replace("T", " ")} UTC`,
    ),
    ...rendered.blocks.filter((block) => block.type !== "actions"),
  ].slice(0, 50);
  await deps.delivery.post(check.channel, { text: rendered.text, blocks });
  await deps.cache.set(lastKey, current, LAST_SECONDS);
  return "posted";
}

/** Starts every scheduled check (croner: cron expressions with time zones); returns the function that stops them. */
export function startScheduledChecks(deps: ScheduledChecksDeps): () => void {
  const jobs = deps.checks.map(
    (check) =>
      new Cron(check.cron, { timezone: check.timezone, protect: true }, async (job: Cron) => {
        const due = job.currentRun() ?? new Date();
        due.setMilliseconds(0);
        try {
          const outcome = await runScheduledCheck(deps, check, due);
          deps.logger.info({ event: "scheduled_check", outcome, channel: check.channel }, "scheduled check");
        } catch (error) {
          deps.logger.warn(
            { event: "scheduled_check_failed", channel: check.channel, err: String(error) },
            "scheduled check failed",
          );
        }
      }),
  );
  return () => {
    for (const job of jobs) job.stop();
  };
}
