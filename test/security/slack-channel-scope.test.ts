import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelScopesFrom } from "../../src/config/channels.js";
import { parseApiPath } from "../../src/demo/api-routes.js";
import { demoCustomResourceRules } from "../../src/demo/cluster-server.js";
import { type ScriptedServer, scripted } from "../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../fakes/openai-server.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import {
  answeredIn,
  blocksText,
  eventually,
  type SlackHarness,
  sendCommand,
  startSlackHarness,
} from "../integration/slack-harness.js";

/** The red team's scoped channel, through the real Bolt app, an LLM over its wire format and the simulated cluster. */
describe("a Slack channel scoped to one namespace, with an LLM planning", () => {
  let llm: ScriptedServer;
  let stack: TestStack;
  let harness: SlackHarness;
  beforeAll(async () => {
    llm = await startFakeOpenAiServer({ apiKey: "sk-it" });
    stack = await startTestStack({
      // An identity that may read Secrets: only K8Helper's checks keep this channel to its namespace.
      cluster: {
        extraReadRules: [
          ...demoCustomResourceRules,
          { apiGroups: [""], resources: ["secrets"], verbs: ["get"] },
        ],
      },
      env: {
        K8HELPER_PLANNER: "openai",
        OPENAI_API_KEY: "sk-it",
        OPENAI_BASE_URL: `${llm.url}/v1`,
        K8HELPER_LLM_MAX_RETRIES: "1",
        K8HELPER_LLM_SUMMARY: "false",
      },
      overrides: { agent: undefined },
    });
    harness = await startSlackHarness({
      mode: "http",
      sharedStack: stack,
      channels: channelScopesFrom({
        C0REDTEAM: { namespaces: ["shop"] },
        C0PAYMENTS: { namespaces: ["payments"] },
      }),
    });
  });
  afterAll(async () => {
    await harness?.close();
    await stack?.close();
    await llm?.close();
  });

  const objectReadsSince = (before: number) =>
    stack.cluster.requests.slice(before).filter((request) => parseApiPath(request.path).kind === "resource");

  it("cannot read another namespace's pods through a namespace read", async () => {
    llm.script(
      scripted.call("get_manifest", { kind: "namespaces", name: "payments/pods" }),
      scripted.text("Nothing."),
    );
    const before = stack.cluster.requests.length;
    await sendCommand(harness, "tell me about the neighbours", { channel: "C0REDTEAM" });
    const message = await eventually(() => answeredIn(harness.slack, "C0REDTEAM", "Nothing."));
    expect(blocksText(message)).not.toMatch(/payments-api|ledger/);
    const tool = llm.requests
      .at(-1)
      ?.messages.filter((entry) => entry.role === "tool")
      .at(-1)?.content;
    expect(tool).toMatch(/^error bad_request:/);
    expect(objectReadsSince(before)).toEqual([]);
  });

  it("lists only its own namespaces", async () => {
    llm.script(
      scripted.call("get_resources", { kind: "namespaces" }),
      scripted.text("Here are the namespaces."),
    );
    await sendCommand(harness, "which namespaces exist", { channel: "C0REDTEAM" });
    const message = await eventually(() =>
      answeredIn(harness.slack, "C0REDTEAM", "Here are the namespaces."),
    );
    const text = blocksText(message);
    expect(text).toContain("shop");
    expect(text).not.toMatch(/payments|kube-system|monitoring/);
  });

  it("does not hand its plan to another channel asking the same words", async () => {
    llm.script(
      scripted.call("get_resources", { kind: "pods", namespace: "shop" }),
      scripted.text("Shop pods."),
    );
    await sendCommand(harness, "list the pods please", { channel: "C0REDTEAM" });
    await eventually(() => answeredIn(harness.slack, "C0REDTEAM", "Shop pods."));
    const asked = llm.requests.length;
    llm.script(
      scripted.call("get_resources", { kind: "pods", namespace: "payments" }),
      scripted.text("Payments pods."),
    );
    await sendCommand(harness, "list the pods please", { channel: "C0PAYMENTS" });
    const message = await eventually(() => answeredIn(harness.slack, "C0PAYMENTS", "Payments pods."));
    expect(llm.requests.length).toBeGreaterThan(asked);
    expect(blocksText(message)).not.toMatch(/checkout/);
  });
});
