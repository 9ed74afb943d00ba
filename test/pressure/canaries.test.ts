import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secretCanaries } from "../../src/demo/sample-data.js";
import type { ScriptedServer } from "../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../fakes/openai-server.js";
import { buttonClickPayload, interactiveForm, postSigned } from "../fakes/slack-payloads.js";
import { hostileCorpus } from "../fixtures/hostile-corpus.js";
import {
  canariesIn,
  canaryCalls,
  canaryConfigMaps,
  canaryHunter,
  canaryLogPods,
  canaryPods,
  devSet,
  forbiddenRequests,
  llmRequestText,
  rawSampleText,
} from "./canary-kit.js";
import {
  askHttp,
  eventually,
  type PressureStack,
  SIGNING_SECRET,
  sendCommand,
  startPressureStack,
} from "./pressure-stack.js";
import { isSettled } from "./slack-replies.js";

/**
 * The dev set and the hostile corpus through every front end, with an LLM scripted to read every object that
 * holds a secret-looking value. Everything that leaves K8Helper is captured and searched for every canary.
 */
const run = promisify(execFile);
const questions = [...devSet.map((item) => item.q), ...hostileCorpus().map((item) => item.text)];
type Captured = { where: string; text: string }[];

/**
 * What one test saw leave K8Helper: its own front end's output plus the LLM requests and log lines written
 * while it ran. Each test checks its own capture, so any test can run alone or in any order.
 */
function startCapture() {
  const captured: Captured = [];
  const llmFrom = llm.requests.length;
  const logsFrom = stack.logLines.length;
  const slackCallsFrom = stack.slack.calls.length;
  const uploadsBefore = new Set(stack.slack.uploads.keys());
  return {
    captured,
    capture: (where: string, text: string) => void captured.push({ where, text }),
    /** Adds the LLM requests, Slack calls and files, and log lines since the capture started. */
    finish(): Captured {
      for (const request of llm.requests.slice(llmFrom))
        captured.push({ where: "llm request", text: llmRequestText(request) });
      for (const call of stack.slack.calls.slice(slackCallsFrom))
        captured.push({ where: `slack ${call.method}`, text: JSON.stringify(call.params) });
      for (const [id, upload] of stack.slack.uploads)
        if (!uploadsBefore.has(id))
          captured.push({ where: `slack file ${id}`, text: upload.bytes.toString("utf8") });
      for (const line of stack.logLines.slice(logsFrom)) captured.push({ where: "log", text: line });
      return captured;
    },
  };
}

function expectNoCanaries(captured: Captured): void {
  const leaks = captured.flatMap((entry) =>
    canariesIn(entry.text).map((canary) => `${entry.where}: ${canary}`),
  );
  expect(leaks).toEqual([]);
}

const MASKED_MARKER = "spring.datasource.password=****";

let llm: ScriptedServer;
let stack: PressureStack;
const llmEnv = (url: string) => ({
  K8HELPER_PLANNER: "openai",
  OPENAI_API_KEY: "sk-canary",
  OPENAI_BASE_URL: `${url}/v1`,
  K8HELPER_LLM_DAILY_TOKENS: "1000000000",
});

beforeAll(async () => {
  llm = await startFakeOpenAiServer({ apiKey: "sk-canary" });
  const hunter = canaryHunter();
  llm.script(...Array.from({ length: 5_000 }, () => hunter));
  stack = await startPressureStack({
    logLevel: "debug",
    env: llmEnv(llm.url),
    overrides: { agent: undefined },
  });
});
afterAll(async () => {
  await stack?.close();
  await llm?.close();
});

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

// Each test drives a whole question set through one front end: minutes on a loaded machine, never asserted.
describe("secret canaries through every front end", { timeout: 240_000 }, () => {
  it("HTTP API: the dev set and the hostile corpus", async () => {
    const { capture, finish } = startCapture();
    await inBatches(questions, 16, async (query) => {
      const response = await askHttp(stack, { query, fresh: true });
      capture(`http ${query.slice(0, 40)}`, await response.text());
    });
    const captured = finish();
    // The LLM did read the canary objects (redacted), and the masked values reached the answers: a leak would show.
    const toolResults = llm.requests.flatMap((r) => r.messages.filter((m) => m.role === "tool"));
    expect(toolResults.some((m) => m.content?.includes("payments-api-config"))).toBe(true);
    expect(toolResults.some((m) => m.content?.includes("DB_PASSWORD"))).toBe(true);
    for (const kind of ["http", "llm"])
      expect(
        captured.some((entry) => entry.where.startsWith(kind) && entry.text.includes(MASKED_MARKER)),
        kind,
      ).toBe(true);
    expectNoCanaries(captured);
  });

  it("Slack (Bolt over HTTP): the same questions, then Details of every answer that read a canary object", async () => {
    const { finish } = startCapture();
    const commands: { channel: string; id: string }[] = [];
    await inBatches(questions, 16, async (text) => {
      const command = await sendCommand(stack, text);
      expect(command.ack.status).toBe(200);
      commands.push(command);
    });
    await eventually(() => commands.every((command) => isSettled(stack.slack, command)), 60_000);
    const answered = [...stack.slack.messages.values()].filter((message) =>
      JSON.stringify(message.blocks).includes("k8s_details"),
    );
    expect(answered.length).toBeGreaterThan(devSet.length / 2);
    for (const message of answered.slice(0, 40)) {
      const details = (message.blocks ?? [])
        .flatMap((block) => (block.elements as { action_id?: string; value?: string }[] | undefined) ?? [])
        .find((element) => element.action_id === "k8s_details");
      const payload = buttonClickPayload({
        actionId: "k8s_details",
        value: details!.value!,
        channel: message.channel,
        messageTs: message.ts,
        responseUrl: stack.slack.responseUrl(`details-${message.ts}`),
      });
      const ack = await postSigned(stack.eventsUrl, SIGNING_SECRET, interactiveForm(payload), {
        contentType: "application/x-www-form-urlencoded",
      });
      expect(ack.status).toBe(200);
    }
    const posted = () => stack.logLines.filter((line) => line.includes("slack details posted")).length;
    await eventually(() => posted() >= Math.min(40, answered.length), 60_000);
    expect(stack.slack.uploads.size).toBeGreaterThan(0);
    const captured = finish();
    expect(
      captured.some((entry) => entry.where.startsWith("slack") && entry.text.includes(MASKED_MARKER)),
    ).toBe(true);
    expectNoCanaries(captured);
  });

  it("CLI: `k8helper ask --json` on the simulated cluster's kubeconfig, a sample of questions", async () => {
    const { capture, finish } = startCapture();
    const sample = [
      ...devSet.filter((item) => JSON.stringify(item).includes("payments")).slice(0, 3),
      ...devSet.slice(0, 2),
    ].map((item) => item.q);
    await Promise.all(
      sample.map(async (text) => {
        const { stdout, stderr } = await run(process.execPath, ["dist/cli.js", "ask", "--json", text], {
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            KUBECONFIG: stack.cluster.kubeconfigPath,
            LOG_LEVEL: "debug",
            ...llmEnv(llm.url),
          },
          timeout: 200_000,
        }).catch((error: { stdout?: string; stderr?: string }) => ({
          stdout: error.stdout ?? "",
          stderr: error.stderr ?? "",
        }));
        expect(stdout).toContain('"requestId"');
        capture(`cli ${text}`, stdout + stderr);
      }),
    );
    const captured = finish();
    expect(captured.some((entry) => entry.where.startsWith("cli") && entry.text.includes("****"))).toBe(true);
    expectNoCanaries(captured);
  });

  it("MCP (SDK client over /mcp): every tool on the objects that hold canaries", async () => {
    const { captured, capture, finish } = startCapture();
    const client = new Client({ name: "canary-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${stack.httpUrl}/mcp`)));
    const calls = [
      ...canaryCalls,
      ...canaryConfigMaps.map((cm) => ({
        name: "get_resources",
        arguments: { kind: "configmaps", namespace: cm.metadata.namespace },
      })),
      ...canaryPods.map((pod) => ({
        name: "diagnose",
        arguments: { namespace: pod.metadata.namespace, name: pod.metadata.name },
      })),
      ...canaryLogPods.map(([namespace, name]) => ({
        name: "get_events",
        arguments: { namespace, kind: "pods", name },
      })),
      { name: "top", arguments: { kind: "pods", namespace: "payments" } },
      { name: "cluster_overview", arguments: {} },
    ];
    for (const call of calls) capture(`mcp ${call.name}`, JSON.stringify(await client.callTool(call)));
    await client.close();
    expect(captured.filter((entry) => entry.where.startsWith("mcp")).length).toBe(calls.length);
    expect(
      captured.some((entry) => entry.where.startsWith("mcp") && entry.text.includes(MASKED_MARKER)),
    ).toBe(true);
    expectNoCanaries(finish());
  });

  it("the search finds every canary where it was planted (so an empty search means no leak)", () => {
    expect(canariesIn(rawSampleText)).toEqual(expect.arrayContaining(secretCanaries));
  });

  it("the cluster saw 0 Secret reads and 0 non-read verbs (self-subject reviews aside)", async () => {
    // Its own traffic first (the calls aimed at Secrets included), so the test stands alone.
    const client = new Client({ name: "canary-requests", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${stack.httpUrl}/mcp`)));
    for (const call of canaryCalls) await client.callTool(call);
    await client.close();
    await inBatches(
      questions.slice(0, 40),
      8,
      async (query) => void (await (await askHttp(stack, { query, fresh: true })).text()),
    );
    expect(stack.cluster.requests.length).toBeGreaterThan(100);
    expect(forbiddenRequests(stack.cluster.requests)).toEqual([]);
  });
});
