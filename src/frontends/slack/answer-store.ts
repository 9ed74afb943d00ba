import type { Answer } from "../../core/answer.js";
import type { Cache, Logger } from "../../core/ports.js";

/** Details may be clicked a while after the answer: keep it for an hour. */
const ANSWER_TTL_SECONDS = 3_600;
/** Beyond this an answer is not kept (Details then asks again): the in-memory cache bounds entries, not bytes. */
const MAX_STORED_CHARS = 2_000_000;

function key(requestId: string): string {
  return `slack:answer:${requestId}`;
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
