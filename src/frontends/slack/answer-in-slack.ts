import type { Answer } from "../../core/answer.js";
import { errorMessage } from "../../core/errors.js";
import { detectLanguage } from "../../core/language.js";
import type { AnswerHooks } from "../../core/pipeline/answer-service.js";
import { checkQuestionPolicy } from "../../core/policy.js";
import { type RateDecision, systemClock } from "../../core/ports.js";
import type { Question } from "../../core/question.js";
import { answerProblem, unexpectedProblem } from "./answer-problem.js";
import { rememberAnswer, rememberQuestion } from "./answer-store.js";
import { labelsFor } from "./blocks/labels.js";
import {
  type Problem,
  renderProblemMessage,
  renderProgressMessage,
  renderPublicProblemMessage,
  renderRefreshingMessage,
  renderSlowDownMessage,
} from "./blocks/notice-messages.js";
import { createProgressUpdates } from "./progress-updates.js";
import { publishAnswer, removePlaceholder, slackError } from "./publish-answer.js";
import { rememberRecentQuestion } from "./recent-questions.js";
import { alreadyPaced } from "./send-pacing.js";
import type { SlackConversation } from "./slack-conversation.js";
import { replyPrivately } from "./slack-conversation.js";
import type { SlackDeps } from "./slack-deps.js";

/** How to get the answer: the pipeline by default; Diagnose runs its own call. */
export type AnswerRunner = (question: Question, hooks: AnswerHooks) => Promise<Answer>;

const RATE_WINDOW_SECONDS = 60;
/** How often a slow question's placeholder says how long it has been working. */
const ELAPSED_EVERY_MS = 3_000;
/** In a DM or a thread, an answer within this long is posted itself, with no placeholder before it. */
const QUICK_ANSWER_MS = 1_000;

/**
 * The whole flow for one question: rate limit → placeholder → throttled progress → the answer in place
 * (or a refusal or error privately) → the answer kept for Details. Resolves with the answer message's ts.
 */
export async function answerInSlack(
  deps: SlackDeps,
  conversation: SlackConversation,
  question: Question,
  run: AnswerRunner = (q, hooks) => deps.answers.answer(q, hooks),
): Promise<string | undefined> {
  const clock = deps.clock ?? systemClock;
  const started = clock.now();
  const log = {
    requestId: question.requestId,
    frontend: "slack",
    user: question.user,
    channel: question.channel,
  };
  const language = detectLanguage(question.text);
  const rate = await takeRate(deps, question);
  if (!rate.allowed) {
    await replyPrivately(conversation, renderSlowDownMessage(rate.retryAfterSeconds, language));
    deps.logger.info({ ...log, retryAfterSeconds: rate.retryAfterSeconds }, "slack question rate limited");
    return;
  }

  const { client, channel } = conversation;
  // A refusal the policy knows before planning is answered privately from the start: no public placeholder.
  const refusedEarly = checkQuestionPolicy(question.text, language) !== null;
  // In a DM or a thread the answer itself should notify: a quick answer is posted with no placeholder
  // (a placeholder's later edit does not notify); only one still working after a second gets one.
  const quickFirst = conversation.isDirect || (conversation.threadTs !== undefined && !conversation.respond);
  const wantsPlaceholder = !conversation.messageTs && !refusedEarly;
  // A placeholder is optional: in a channel whose posting budget is spent now, the answer is posted when ready.
  let placeholderSkipped = false;
  const placeholder = async () => {
    const posted = await postPlaceholder(deps, conversation, question, language);
    placeholderSkipped ||= posted.skipped;
    return posted.ts;
  };
  let placeholderTs = wantsPlaceholder && !quickFirst ? await placeholder() : undefined;
  // Progress goes to the placeholder, or onto the answer being refreshed (kept below an elapsed line).
  const progressTs = () => placeholderTs ?? (conversation.refreshing ? conversation.messageTs : undefined);
  let lastLine = labelsFor(language).thinking;
  const progress = createProgressUpdates(async (line) => {
    const ts = progressTs();
    // Progress is optional: within its share of the Tier-3 budget and a message a second per channel.
    if (!ts || !((await deps.pacer?.takeProgress(channel)) ?? true)) return;
    const elapsed = Math.floor((clock.now() - started) / 1_000);
    const message = placeholderTs
      ? renderProgressMessage(line, question.requestId, language, elapsed)
      : renderRefreshingMessage(conversation.refreshing ?? [], line, language, elapsed);
    await client.chat.update(alreadyPaced({ channel, ts, text: message.text, blocks: message.blocks }));
  }, clock);
  // A slow question shows how long it has been working, even when no new progress line comes.
  const ticker = setInterval(() => progress.report(lastLine), ELAPSED_EVERY_MS);
  let placeholderPosting: Promise<void> | undefined;
  const lateTimer =
    wantsPlaceholder && quickFirst
      ? setTimeout(() => {
          placeholderPosting = placeholder().then((ts) => {
            placeholderTs = ts;
          });
        }, QUICK_ANSWER_MS)
      : undefined;

  let answer: Answer | undefined;
  let problem: Problem | undefined;
  try {
    answer = await run(question, {
      onProgress: (line) => {
        lastLine = line;
        progress.report(line);
      },
    });
    problem = answerProblem(answer);
  } catch (error) {
    deps.logger.error({ ...log, err: errorMessage(error) }, "the pipeline threw");
    problem = unexpectedProblem(error, question.requestId, language);
  }
  clearInterval(ticker);
  // A placeholder being posted right now is waited for (then replaced); one not yet due never comes.
  clearTimeout(lateTimer);
  await placeholderPosting;
  await progress.finish();
  const targetTs = conversation.messageTs ?? placeholderTs;

  if (problem || !answer) {
    const shown = problem ?? unexpectedProblem(undefined, question.requestId, language);
    await showProblem(deps, conversation, shown, placeholderTs, question);
    // Logged once the reply is out, like "answered": tests wait for this line before counting replies.
    deps.logger.info(
      { ...log, outcome: shown.kind, code: shown.code, ms: clock.now() - started },
      "slack question not answered",
    );
    return;
  }
  const answerTs = await publishAnswer(
    deps,
    // No placeholder because the channel was busy: the answer is posted there (paced), not through response_url.
    placeholderSkipped && !targetTs ? { ...conversation, respond: undefined } : conversation,
    answer,
    targetTs,
    clock.now(),
  ).catch((error: unknown) => {
    if (!placeholderSkipped || targetTs || !conversation.respond) throw error;
    return publishAnswer(deps, conversation, answer, undefined, clock.now());
  });
  await rememberQuestion(deps.dedup, answer.requestId, { text: question.text, channel });
  await rememberAnswer(deps.dedup, answer, deps.logger);
  await rememberRecentQuestion(deps.dedup, question.user, question.text);
  deps.logger.info(
    {
      ...log,
      planner: answer.planner,
      cached: answer.cached,
      calls: answer.calls.length,
      ms: clock.now() - started,
    },
    "slack question answered",
  );
  return answerTs;
}

async function takeRate(deps: SlackDeps, question: Question): Promise<RateDecision> {
  const { rateLimiter, limits } = deps;
  const user = await rateLimiter.take(
    `slack:user:${question.user}`,
    limits.userPerMinute,
    RATE_WINDOW_SECONDS,
  );
  if (!user.allowed || !limits.channelPerMinute || !question.channel) return user;
  return rateLimiter.take(`slack:channel:${question.channel}`, limits.channelPerMinute, RATE_WINDOW_SECONDS);
}

async function postPlaceholder(
  deps: SlackDeps,
  conversation: SlackConversation,
  question: Question,
  language: "en" | "zh",
): Promise<{ ts?: string; skipped: boolean }> {
  if (!((await deps.pacer?.takePost(conversation.channel)) ?? true)) return { skipped: true };
  const message = renderProgressMessage(labelsFor(language).thinking, question.requestId, language);
  try {
    const posted = await conversation.client.chat.postMessage(
      alreadyPaced({
        channel: conversation.channel,
        thread_ts: conversation.threadTs,
        text: message.text,
        blocks: message.blocks,
      }),
    );
    return { ts: posted.ts, skipped: false };
  } catch (error) {
    // Not in the channel (a command where the bot was never invited): answer through response_url instead.
    deps.logger.warn(
      { requestId: question.requestId, err: slackError(error) },
      "could not post the placeholder",
    );
    return { skipped: false };
  }
}

async function showProblem(
  deps: SlackDeps,
  conversation: SlackConversation,
  problem: Problem,
  placeholderTs: string | undefined,
  question: Question,
): Promise<void> {
  const { client, channel } = conversation;
  // Try again asks the stored question again, as Refresh does.
  if (problem.retry) await rememberQuestion(deps.dedup, problem.requestId, { text: question.text, channel });
  if (conversation.isDirect && placeholderTs) {
    await client.chat.update({
      channel,
      ts: placeholderTs,
      ...renderProblemMessage(problem, { inPlace: true }),
    });
    return;
  }
  if (problem.public && !conversation.isDirect) {
    // The cluster is down or too slow for everyone: say so where the question was asked, not only privately.
    const notice = renderPublicProblemMessage(problem);
    try {
      if (placeholderTs) await client.chat.update({ channel, ts: placeholderTs, ...notice });
      else await client.chat.postMessage({ channel, thread_ts: conversation.threadTs, ...notice });
    } catch (error) {
      deps.logger.warn({ requestId: problem.requestId, err: slackError(error) }, "could not post the notice");
      if (placeholderTs) await removePlaceholder(deps, conversation, placeholderTs, problem.requestId);
    }
    await replyPrivately(conversation, renderProblemMessage(problem));
    return;
  }
  if (placeholderTs) await removePlaceholder(deps, conversation, placeholderTs, problem.requestId);
  await replyPrivately(conversation, renderProblemMessage(problem));
}
