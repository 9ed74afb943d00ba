import type { Answer } from "../../core/answer.js";
import type { Cache, Logger } from "../../core/ports.js";

/** Details may be clicked a while after the answer: keep it for an hour. */
const ANSWER_TTL_SECONDS = 3_600;
/** Beyond this an answer is not kept (Details then asks again): the in-memory cache bounds entries, not bytes. */
const MAX_STORED_CHARS = 2_000_000;

/** Refresh may come a day later: the question behind a button is kept that long (it is small). */
const ASKED_TTL_SECONDS = 24 * 3_600;

function key(requestId: string): string {
  return `slack:answer:${requestId}`;
}

/** What a button's answer reference leads back to: the question and where it was asked. */
export interface AskedQuestion {
  text: string;
  channel: string;
}

export async function rememberQuestion(cache: Cache, requestId: string, asked: AskedQuestion): Promise<void> {
  await cache.set(`slack:asked:${requestId}`, JSON.stringify(asked), ASKED_TTL_SECONDS);
}

/** The question behind an answer, only in the channel it was asked in (a forged reference reads nothing). */
export async function recallQuestion(
  cache: Cache,
  requestId: string,
  channel: string,
): Promise<string | undefined> {
  const json = await cache.get(`slack:asked:${requestId}`);
  if (!json) return undefined;
  try {
    const asked = JSON.parse(json) as AskedQuestion;
    return asked.channel === channel && typeof asked.text === "string" ? asked.text : undefined;
  } catch {
    return undefined;
  }
}

export async function rememberAnswer(cache: Cache, answer: Answer, logger: Logger): Promise<void> {
  const json = JSON.stringify(answer);
  if (json.length > MAX_STORED_CHARS) {
    logger.info({ requestId: answer.requestId, chars: json.length }, "answer too large to keep for Details");
    return;
  }
  await cache.set(key(answer.requestId), json, ANSWER_TTL_SECONDS);
}

export async function recallAnswer(cache: Cache, requestId: string): Promise<Answer | undefined> {
  const json = await cache.get(key(requestId));
  if (!json) return undefined;
  try {
    return JSON.parse(json) as Answer;
  } catch {
    return undefined;
  }
}
