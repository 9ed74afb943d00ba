import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/core/answer.js";
import { CodedError } from "../../../src/core/errors.js";
import { answerProblem, unexpectedProblem } from "../../../src/frontends/slack/answer-problem.js";
import { podTable, sampleAnswer } from "./sample-answers.js";

const failed = (code: string) => ({
  tool: "get_resources",
  args: {},
  ok: false,
  durationMs: 3,
  error: { code, message: `${code}!` },
});
const succeeded = { tool: "get_events", args: {}, ok: true, durationMs: 3 };

const cases: [string, Answer, ReturnType<typeof answerProblem>][] = [
  ["a normal answer", sampleAnswer([podTable(2)]), undefined],
  [
    "a refusal",
    sampleAnswer([], { refusal: "read-only", calls: [] }),
    { kind: "refusal", message: "read-only", requestId: "a1b2c3d4", language: "en" },
  ],
  [
    "an error answer",
    sampleAnswer([], { error: { code: "bad_request", message: "unknown cluster" } }),
    {
      kind: "error",
      code: "bad_request",
      message: "unknown cluster",
      requestId: "a1b2c3d4",
      language: "en",
      retry: false,
      public: false,
    },
  ],
  [
    "every call failed",
    sampleAnswer([], {
      summary:
        "get_resources did not complete: Cannot reach the Kubernetes API at https://10.0.0.1:6443: refused",
      calls: [failed("unreachable")],
    }),
    {
      kind: "error",
      code: "unreachable",
      // Plain words: no tool name, no API server URL; the channel is told, and Try again offered.
      message:
        "I can't reach the cluster demo right now: the connection failed. Nothing was changed. Try again in a moment; if it keeps failing, the cluster's API server may be down.",
      requestId: "a1b2c3d4",
      language: "en",
      retry: true,
      public: true,
    },
  ],
  [
    "one call of two failed: still an answer",
    sampleAnswer([podTable(1)], { calls: [failed("timeout"), succeeded] }),
    undefined,
  ],
];

describe("answerProblem", () => {
  it.each(cases)("%s", (_, answer, expected) => {
    expect(answerProblem(answer)).toEqual(expected);
  });

  it("turns an escaped exception into a plain message in the user's language, never a stack", () => {
    const zh = unexpectedProblem(new TypeError("x is undefined"), "id1", "zh");
    expect(zh).toMatchObject({ kind: "error", code: "server_error", requestId: "id1" });
    expect(zh.message).toContain("请求编号");
    expect(zh.message).not.toContain("undefined");
    expect(
      unexpectedProblem(new CodedError("timeout", "get_resources did not finish within 1.5 s."), "id2", "en"),
    ).toMatchObject({
      code: "timeout",
      message:
        "The cluster did not answer within 1.5 s; it may be overloaded. Try again in a moment, or ask about one namespace.",
      retry: true,
      public: true,
    });
  });

  it("drops tool names and API server URLs from messages it passes on", () => {
    const answer = sampleAnswer([], {
      summary: "get_pod_logs did not complete: pod x not found at https://10.0.0.1:6443 in shop",
      calls: [failed("not_found")],
    });
    expect(answerProblem(answer)?.message).toBe("pod x not found in shop");
  });
});
