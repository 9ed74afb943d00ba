import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelScopesFrom } from "../../src/config/channels.js";
import type { Answer } from "../../src/core/answer.js";
import { type HostileCase, hostileCorpus } from "../fixtures/hostile-corpus.js";
import { handlersFinished } from "../helpers/slack-handlers.js";
import { forbiddenRequests } from "./canary-kit.js";
import {
  askHttp,
  eventually,
  type PressureStack,
  sendCommand,
  startPressureStack,
} from "./pressure-stack.js";
import { isSettled, repliesTo } from "./slack-replies.js";

/**
 * test/security/hostile-corpus.test.ts runs the corpus through the pipeline; here it arrives as users send it:
 * JSON to the HTTP API and signed /k8s commands to the Bolt app (scope escapes from a channel kept to `shop`).
 */
const corpus = hostileCorpus();
const scoped = corpus.filter((hostile) => hostile.scope);
const unscoped = corpus.filter((hostile) => !hostile.scope);
const shopChannel = (index: number) => `C0SHOP${index}`;

let stack: PressureStack;
beforeAll(async () => {
  stack = await startPressureStack({
    logLevel: "info",
    channels: channelScopesFrom(
      Object.fromEntries(scoped.map((_, index) => [shopChannel(index), { namespaces: ["shop"] }])),
    ),
  });
});
afterAll(async () => {
  expect(stack.slack.violations).toEqual([]);
  await stack?.close();
});

async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

const outsideShop = (path: string) => /\/namespaces\/(?!shop\/)[^/]+\//.test(path);

describe("the hostile corpus through the HTTP API", () => {
  it("every case is refused, rejected as bad input, or answered with reads only", async () => {
    const before = stack.cluster.requests.length;
    const problems: string[] = [];
    await inBatches(unscoped, 16, async (hostile: HostileCase) => {
      const response = await askHttp(stack, { query: hostile.text });
      const body = (await response.json()) as Answer & { error?: { code: string } };
      const label = `${hostile.category} ${hostile.text.slice(0, 60)} → ${response.status}`;
      if (
        hostile.expect === "refuse" &&
        !(response.status === 200 && body.refusal && body.calls.length === 0)
      )
        problems.push(`not refused: ${label}`);
      if (hostile.expect === "bad_input" && !(response.status === 400 || response.status === 413))
        problems.push(`not rejected: ${label}`);
      if (response.status >= 500) problems.push(`server error: ${label}`);
      if (JSON.stringify(body).match(/\n\s+at /)) problems.push(`stack trace: ${label}`);
    });
    expect(problems).toEqual([]);
    expect(forbiddenRequests(stack.cluster.requests.slice(before))).toEqual([]);
  });
});

describe("the hostile corpus through Slack", () => {
  it("every case gets one private refusal or error, or one answer, and only reads reach the cluster", async () => {
    const before = stack.cluster.requests.length;
    const sent: { hostile: HostileCase; channel: string; id: string }[] = [];
    await inBatches(unscoped, 16, async (hostile) => {
      const command = await sendCommand(stack, hostile.text);
      expect(command.ack.status).toBe(200);
      sent.push({ hostile, ...command });
    });
    await handlersFinished(
      stack.logs,
      sent.map((command) => command.channel),
      60_000,
    );
    const problems: string[] = [];
    for (const { hostile, ...command } of sent) {
      const replies = repliesTo(stack.slack, command);
      const label = `${hostile.category} ${hostile.text.slice(0, 60)}: ${JSON.stringify({ ...replies, text: undefined })}`;
      if (replies.finals !== 1) problems.push(`not exactly one reply: ${label}`);
      // A refusal is shown privately under :no_entry:, an error under :warning: with its code.
      if (hostile.expect === "refuse" && !(replies.private === 1 && replies.text.includes(":no_entry:")))
        problems.push(`not refused: ${label}`);
      const usage = /\/k8s pods in payments/.test(replies.text);
      const rejected = replies.private === 1 && (replies.text.includes("`bad_request`") || usage);
      // Slack's form encoding turns a lone surrogate into U+FFFD: what arrives is ordinary text.
      if (hostile.expect === "bad_input" && !rejected && !/[\ud800-\udfff]/.test(hostile.text))
        problems.push(`not rejected: ${label}`);
    }
    expect(problems).toEqual([]);
    expect(forbiddenRequests(stack.cluster.requests.slice(before))).toEqual([]);
  });

  it("scope escapes from a channel kept to shop: nothing outside shop is read", async () => {
    for (const [index, hostile] of scoped.entries()) {
      const before = stack.cluster.requests.length;
      const command = await sendCommand(stack, hostile.text, { channel: shopChannel(index) });
      await eventually(() => isSettled(stack.slack, command));
      const requests = stack.cluster.requests.slice(before);
      expect(
        requests.filter((request) => outsideShop(request.path)),
        hostile.text,
      ).toEqual([]);
      expect(forbiddenRequests(requests)).toEqual([]);
      const replies = repliesTo(stack.slack, command);
      expect(replies.finals, hostile.text).toBe(1);
      if (replies.private === 1) expect(replies.text).toMatch(/out_of_scope|shop/);
    }
  });
});
