import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import type { FaultSpec } from "../../src/demo/cluster-server.js";
import { handlerFinished } from "../helpers/slack-handlers.js";
import { askHttp, type PressureStack, sendCommand, startPressureStack } from "./pressure-stack.js";
import { repliesTo } from "./slack-replies.js";

/**
 * The simulated cluster misbehaves while questions arrive through the HTTP API and Slack: each question gets
 * exactly one clear final reply, and a slow server costs at most the tool timeout (the answer says `timeout`).
 */
const TOOL_TIMEOUT_MS = 1_000;

let stack: PressureStack;
beforeAll(async () => {
  stack = await startPressureStack({
    logLevel: "info",
    env: { K8HELPER_TOOL_TIMEOUT_MS: String(TOOL_TIMEOUT_MS), K8HELPER_ANSWER_TTL: "0" },
  });
});
afterAll(async () => {
  expect(stack.slack.violations).toEqual([]);
  await stack?.close();
});

const shopPods = /\/namespaces\/shop\/pods/;
const faults: {
  fault: string;
  spec: FaultSpec;
  code: string;
  status: number;
  message: RegExp;
  /** An outage or a timeout is announced in the channel too (issue 15 §3). */
  notices?: number;
}[] = [
  {
    fault: "slower than K8HELPER_TOOL_TIMEOUT_MS",
    spec: { latencyMs: TOOL_TIMEOUT_MS * 3, pathPattern: shopPods },
    code: "timeout",
    status: 504,
    // The tool's own deadline or the HTTP client's, whichever fires first: both are the tool timeout.
    message: /did not (finish|answer) within 1 s/,
    notices: 1,
  },
  {
    fault: "500 Internal Server Error",
    spec: { status: 500, pathPattern: shopPods },
    code: "server_error",
    status: 502,
    message: /answered 500/,
  },
  {
    fault: "403 Forbidden",
    spec: { status: 403, pathPattern: shopPods },
    code: "forbidden",
    status: 403,
    message: /may not list pods in shop/,
  },
  {
    fault: "a dropped connection",
    spec: { dropConnection: true, pathPattern: shopPods },
    code: "unreachable",
    status: 503,
    message: /Cannot reach the Kubernetes API/,
    notices: 1,
  },
];

describe("cluster faults through the HTTP API and Slack", () => {
  it.each(faults)(
    "$fault: one clear reply with code $code",
    async ({ spec, code, status, message, notices }) => {
      stack.cluster.faults.set(spec);
      try {
        const response = await askHttp(stack, { query: "list pods in shop" });
        const answer = (await response.json()) as Answer;
        // One failed call is data in the answer: the status says why, the call carries the code.
        expect(answer.calls).toMatchObject([{ tool: "get_resources", ok: false, error: { code } }]);
        expect(answer.calls[0].error?.message).toMatch(message);
        expect(response.status === 200 || response.status === status).toBe(true);
        expect(JSON.stringify(answer)).not.toMatch(/\n\s+at /);

        const command = await sendCommand(stack, "list pods in shop");
        expect(command.ack.status).toBe(200);
        await handlerFinished(stack.logs, command.channel);
        const replies = repliesTo(stack.slack, command);
        expect(replies).toMatchObject({ finals: 1, posts: 1, private: 1, answers: 0, notices: notices ?? 0 });
        expect(replies.text).toContain(`\`${code}\``);
      } finally {
        stack.cluster.faults.clear();
      }
    },
  );

  it("a slow log read inside diagnose: the diagnosis times out at the tool timeout, one reply", async () => {
    stack.cluster.faults.set({ latencyMs: TOOL_TIMEOUT_MS * 3, pathPattern: /\/pods\/[^/]+\/log/ });
    try {
      const response = await askHttp(stack, { query: "what's wrong in shop?" });
      const answer = (await response.json()) as Answer;
      expect(answer.calls).toMatchObject([{ tool: "diagnose", ok: false, error: { code: "timeout" } }]);
      expect(stack.cluster.requests.some((r) => r.path.endsWith("/log"))).toBe(true);
      const command = await sendCommand(stack, "what's wrong in shop?");
      await handlerFinished(stack.logs, command.channel);
      expect(repliesTo(stack.slack, command)).toMatchObject({ finals: 1, posts: 1 });
    } finally {
      stack.cluster.faults.clear();
    }
  });
});

describe("an expired continue token mid-paging (10,000 pods)", () => {
  let big: PressureStack;
  beforeAll(async () => {
    big = await startPressureStack({ logLevel: "info", cluster: { seed: 1, pods: 10_000 } });
  });
  afterAll(async () => {
    await big?.close();
  });

  it("the first page is read, the second meets 410: one `gone` reply that says to ask again", async () => {
    big.cluster.faults.set({ status: 410, pathPattern: /^\/api\/v1\/pods\?.*continue=/ });
    try {
      const before = big.cluster.requests.length;
      const response = await askHttp(big, { query: "list pods in all namespaces", fresh: true });
      const answer = (await response.json()) as Answer;
      expect(answer.calls).toMatchObject([{ tool: "get_resources", ok: false, error: { code: "gone" } }]);
      expect(answer.calls[0].error?.message).toMatch(/continue token expired\); ask again/);
      const pages = big.cluster.requests.slice(before).filter((r) => r.path === "/api/v1/pods");
      // Paging stopped at the expired token: no retry loop against the cluster.
      expect(pages.map((page) => page.status)).toEqual([200, 410]);

      const command = await sendCommand(big, "list pods in all namespaces");
      await handlerFinished(big.logs, command.channel);
      const replies = repliesTo(big.slack, command);
      expect(replies).toMatchObject({ finals: 1, posts: 1 });
      expect(replies.text).toContain("`gone`");
    } finally {
      big.cluster.faults.clear();
    }
    // Once the fault is gone, the same question pages through all 10,000 pods.
    const response = await askHttp(big, { query: "list pods in all namespaces", fresh: true });
    const answer = (await response.json()) as Answer;
    expect(answer.calls).toMatchObject([{ ok: true }]);
    expect(answer.calls[0].facts?.count).toBeGreaterThanOrEqual(10_000);
  });
});
