import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostedMessage } from "../fakes/slack-api-server.js";
import { buttonClickPayload, interactiveForm, postSigned } from "../fakes/slack-payloads.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import {
  answeredIn,
  clickInMode,
  commandInMode,
  eventually,
  isAnswered,
  responses,
  SIGNING_SECRET,
  type SlackHarness,
  startSlackHarness,
} from "./slack-harness.js";

const TOOL_TIMEOUT_MS = 4_000;

/**
 * Issue 15 §3 through the real Bolt app over HTTP and Socket Mode: errors in plain words with Try again,
 * an outage and a timeout announced in the channel, elapsed time on slow questions and on a slow Refresh.
 */
describe.each(["http", "socket"] as const)("errors and slow answers in Slack (%s)", (mode) => {
  let stack: TestStack;
  let harness: SlackHarness;
  beforeAll(async () => {
    stack = await startTestStack({ env: { K8HELPER_TOOL_TIMEOUT_MS: String(TOOL_TIMEOUT_MS) } });
    harness = await startSlackHarness({ mode, sharedStack: stack });
  });
  afterAll(async () => {
    stack.cluster.faults.clear();
    expect(harness.slack.violations).toEqual([]);
    await harness?.close();
    await stack?.close();
  });

  const command = (text: string, channel: string, responseId: string) =>
    commandInMode(harness, text, channel, responseId);

  const click = (message: PostedMessage, actionId: string, responseId: string) =>
    clickInMode(harness, message, actionId, responseId);

  const inChannel = (channel: string, text: string) =>
    [...harness.slack.messages.values()].find(
      (message) => message.channel === channel && JSON.stringify(message.blocks).includes(text),
    );

  it("announces an unreachable cluster in the channel in plain words, and Try again answers in its place", async () => {
    const channel = `C0OUTAGE${mode}`;
    stack.cluster.faults.set({ dropConnection: true });
    let notice: PostedMessage;
    try {
      await command("services in payments", channel, `outage-${mode}`);
      notice = await eventually(() => inChannel(channel, ":rotating_light:"));
      const reply = await eventually(() => responses(harness.slack, `outage-${mode}`)[0]);
      for (const text of [JSON.stringify(notice.blocks), notice.text ?? "", JSON.stringify(reply.params)]) {
        expect(text).toContain("reach the cluster");
        expect(text).not.toContain("get_resources");
        expect(text).not.toMatch(/https?:\/\/127\.0\.0\.1/);
      }
      expect(reply.params.response_type).toBe("ephemeral");
      expect(JSON.stringify(reply.params.blocks)).toContain("k8s_retry");
      expect(JSON.stringify(notice.blocks)).toContain("`unreachable`");
      expect(notice.deleted).toBeUndefined();
    } finally {
      stack.cluster.faults.clear();
    }
    const versions = notice.versions.length;
    await click(notice, "k8s_retry", `retry-${mode}`);
    await eventually(() => notice.versions.length > versions && isAnswered(notice));
    expect(JSON.stringify(notice.blocks)).toContain("payments-api");
    expect(JSON.stringify(notice.blocks)).not.toContain(":rotating_light:");
  });

  // Pods of one workload are not a choice (one is picked, and the answer says so); "api" is api's own pods (an exact
  // workload name), while "ap" prefixes the pods of api and api-gateway: two workloads.
  it("offers the pods to choose from when 'logs of ap' matches pods of two workloads, and a click reads that one", async () => {
    const channel = `C0CHOOSE${mode}`;
    await command("logs of ap in edge", channel, `choose-${mode}`);
    const reply = await eventually(() => responses(harness.slack, `choose-${mode}`)[0]);
    expect(reply.params.response_type).toBe("ephemeral");
    const blocks = reply.params.blocks as {
      type: string;
      elements?: { action_id: string; value: string }[];
    }[];
    const choices = blocks.find(
      (block) => block.type === "actions" && block.elements?.some((e) => e.action_id === "k8s_logs_0"),
    );
    const buttons = choices?.elements ?? [];
    expect(buttons.length).toBeGreaterThan(1);
    expect(buttons.map((button) => button.action_id)).toEqual(buttons.map((_, index) => `k8s_logs_${index}`));
    expect(JSON.stringify(blocks)).toContain("Pick one:");
    expect(JSON.stringify(blocks)).not.toContain("get_pod_logs");
    const chosen = JSON.parse(buttons[1].value).g as { name: string; namespace: string };
    expect(chosen.namespace).toBe("edge");
    const payload = buttonClickPayload({
      actionId: "k8s_logs_1",
      value: buttons[1].value,
      channel,
      messageTs: "1700000000.000001",
      responseUrl: harness.slack.responseUrl(`choose-click-${mode}`),
      ephemeral: true,
    });
    if (mode === "http")
      await postSigned(harness.eventsUrl, SIGNING_SECRET, interactiveForm(payload), {
        contentType: "application/x-www-form-urlencoded",
      });
    else await harness.socket!.send("interactive", payload);
    const logs = await eventually(() => answeredIn(harness.slack, channel, `Logs of edge/${chosen.name}`));
    // An ephemeral message has no thread: the logs come as a message of their own in the channel.
    expect(logs.thread_ts).toBeUndefined();
  });

  it("shows elapsed time on a slow question, then posts a public timeout notice with Try again", async () => {
    const channel = `C0SLOW${mode}`;
    stack.cluster.faults.set({ latencyMs: TOOL_TIMEOUT_MS + 1_500, pathPattern: /\/configmaps/ });
    try {
      await command("configmaps in shop", channel, `slow-${mode}`);
      const notice = await eventually(() => inChannel(channel, ":rotating_light:"), 20_000);
      // The placeholder said how long it had been working before the notice replaced it.
      expect(JSON.stringify(notice.versions)).toMatch(/Still working… \d+ s/);
      const text = JSON.stringify(notice.blocks);
      expect(text).toContain(`did not answer within ${TOOL_TIMEOUT_MS / 1_000} s`);
      expect(text).toContain("k8s_retry");
      expect(text).not.toContain("get_resources");
    } finally {
      stack.cluster.faults.clear();
    }
  });

  it("keeps the answer under a 'Still working… N s' line while a slow Refresh runs", async () => {
    const channel = `C0REFRESH${mode}`;
    await command("deployments in shop", channel, `refresh-${mode}`);
    const answer = await eventually(() => answeredIn(harness.slack, channel, "checkout"));
    const versions = answer.versions.length;
    stack.cluster.faults.set({ latencyMs: 3_500, pathPattern: /\/deployments/ });
    try {
      await click(answer, "k8s_refresh", `refresh-click-${mode}`);
      const refreshing = await eventually(() =>
        answer.versions.slice(versions).find((version) => JSON.stringify(version).includes("Still working…")),
      );
      // The old answer stays readable below the line.
      expect(JSON.stringify(refreshing.blocks)).toContain("checkout");
      await eventually(
        () => isAnswered(answer) && !JSON.stringify(answer.blocks).includes("Still working…"),
        20_000,
      );
    } finally {
      stack.cluster.faults.clear();
    }
  });
});
