import { randomBytes, randomUUID } from "node:crypto";
import express, { type RequestHandler, type Router } from "express";
import type { Conversations } from "../../../core/conversation/index.js";
import type { AnswerService } from "../../../core/pipeline/answer-service.js";
import type { Logger, RateLimiter } from "../../../core/ports.js";
import type { Question } from "../../../core/question.js";
import { httpUser, limitQuestions, requireBearerToken } from "../access.js";
import { methodNotAllowed, sendError, statusForCode } from "../http-errors.js";
import { parseQueryBody, type QueryBody } from "../query-body.js";

export const MAX_BODY_BYTES = 16 * 1024;
const JSON_TYPES = ["application/json", "application/*+json"];

export interface QueryRouteDeps {
  answers: AnswerService;
  conversations?: Conversations;
  apiToken?: string;
  rateLimiter: RateLimiter;
  userPerMinute: number;
  logger: Logger;
}

/** POST /api/v1/query: a question in, the Answer out as JSON. */
export function mountQueryRoute(router: Router, deps: QueryRouteDeps): void {
  router
    .route("/query")
    .post(
      requireBearerToken(deps.apiToken),
      limitQuestions(deps.rateLimiter, deps.userPerMinute, deps.logger),
      requireJsonBody,
      express.json({ limit: MAX_BODY_BYTES, strict: true, type: JSON_TYPES }),
      answerQuery(deps.answers, deps.conversations),
    )
    .all(methodNotAllowed("POST"));
}

const requireJsonBody: RequestHandler = (req, res, next) => {
  const hasBody =
    req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  if (!hasBody) return sendError(res, 400, "bad_request", 'Send a JSON body: {"query": "..."}.');
  if (!req.is(JSON_TYPES)) {
    return sendError(res, 415, "unsupported_media_type", "Send the body as Content-Type: application/json.");
  }
  next();
};

function answerQuery(answers: AnswerService, conversations?: Conversations): RequestHandler {
  return async (req, res) => {
    const parsed = parseQueryBody(req.body);
    if (!parsed.ok)
      return sendError(res, 400, "bad_request", "The body is not a valid question.", parsed.problems);
    const question = questionFromBody(parsed.body, httpUser(req));
    res.set("X-Request-Id", question.requestId);
    // The contract: the response always names its conversation, a new one when the request named none.
    const conversation = parsed.body.conversation ?? newConversationId();
    const answer = conversations
      ? await conversations.answer(`http:${question.user}:${conversation}`, question)
      : await answers.answer(question);
    // An answer that could not be given carries `error: {code, message}`: its status says why.
    res.status(answer.error ? statusForCode(answer.error.code) : 200).json({ ...answer, conversation });
  };
}

function newConversationId(): string {
  return randomBytes(12).toString("base64url");
}

function questionFromBody(body: QueryBody, user: string): Question {
  return {
    text: body.query,
    user,
    frontend: "http",
    scope: body.namespace ? { defaultNamespace: body.namespace } : {},
    planner: body.planner,
    fresh: body.fresh,
    requestId: randomUUID().slice(0, 8),
  };
}
