import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { silentLogger } from "../../src/core/ports.js";
import { parseApiPath } from "../../src/demo/api-routes.js";
import { demoCustomResourceRules, type RecordedRequest } from "../../src/demo/cluster-server.js";
import { createHttpServer, type RunningHttpServer } from "../../src/frontends/http/server.js";
import { mountMcpHttp } from "../../src/frontends/mcp/mcp-http.js";
import type { ScriptedServer } from "../fakes/llm-script.js";
import { scripted } from "../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../fakes/openai-server.js";
import { postQuery } from "../frontends/http/start-http-stack.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { question } from "../helpers/question.js";

/**
 * The red team's payloads against an identity that may read Secrets (an admin kubeconfig): only K8Helper's own
 * checks stand between them and the Secret, and the simulated cluster reads paths as kube-apiserver does.
 */
const ADMIN_READS = [
  ...demoCustomResourceRules,
  { apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] },
];

const PAYLOADS: [string, string, Record<string, unknown>][] = [
  [
    "configmap '..' under a Secret path",
    "get_manifest",
    { kind: "configmaps", namespace: "payments/secrets/payments-api-secrets", name: ".." },
  ],
  [
    "namespace named like a Secret path",
    "get_manifest",
    { kind: "namespaces", name: "other/secrets/other-creds" },
  ],
  [
    "namespace named like another namespace's pods",
    "get_manifest",
    { kind: "namespaces", name: "payments/pods" },
  ],
  ["pods in '..'", "get_resources", { kind: "pods", namespace: ".." }],
  ["a pod named '.'", "get_manifest", { kind: "pods", namespace: "shop", name: "." }],
  [
    "an encoded slash",
    "describe_resource",
    { kind: "pods", namespace: "shop", name: "x%2F..%2F..%2Fsecrets" },
  ],
  ["a control character", "get_pod_logs", { namespace: "shop", name: "web\u001b[2J" }],
];

/** Requests for API objects (not discovery) the simulated cluster received: what a call read. */
function objectReads(requests: RecordedRequest[]): string[] {
  return requests
    .filter((request) => parseApiPath(request.path).kind === "resource")
    .map((request) => `${request.method} ${request.path}`);
}

/** What the LLM was told about the last call it asked for. */
function lastToolResult(): string {
  const messages = llm.requests.at(-1)?.messages ?? [];
  return messages.filter((message) => message.role === "tool").at(-1)?.content ?? "";
}

let stack: TestStack;
let llm: ScriptedServer;
let http: RunningHttpServer;

beforeAll(async () => {
  llm = await startFakeOpenAiServer({ apiKey: "sk-it" });
  stack = await startTestStack({
    cluster: { extraReadRules: ADMIN_READS },
    env: {
      K8HELPER_PLANNER: "openai",
      OPENAI_API_KEY: "sk-it",
      OPENAI_BASE_URL: `${llm.url}/v1`,
      K8HELPER_LLM_TIMEOUT_MS: "3000",
      K8HELPER_LLM_MAX_RETRIES: "1",
      K8HELPER_LLM_SUMMARY: "false",
    },
    overrides: { agent: undefined },
  });
  const { container } = stack;
  http = await createHttpServer({
    answers: stack.answers,
    settings: { ...container.config.server, port: 0, host: "127.0.0.1" },
    rateLimiter: container.rateLimiter,
    limits: { userPerMinute: 1_000_000 },
    readiness: () => container.readiness(),
    metrics: container.metrics.registry,
    logger: silentLogger,
    mount: [
      (app) =>
        mountMcpHttp(app, {
          answers: stack.answers,
          logger: silentLogger,
          version: "0.1.0",
          allowRemote: false,
        }),
    ],
  }).listen();
});
afterAll(async () => {
  await http?.close();
  await stack?.close();
  await llm?.close();
});

describe("hostile resource addresses through the real surfaces", () => {
  it.each(PAYLOADS)(
    "REST with an LLM plan: %s is refused with bad_request and nothing is read",
    async (label, tool, args) => {
      llm.script(scripted.call(tool, args), scripted.text("Done."));
      const before = stack.cluster.requests.length;
      const response = await postQuery(http.url, {
        // A plain question: the hostile part is what the LLM answers with.
        query: `show me the object, case ${PAYLOADS.findIndex(([name]) => name === label)}`,
        fresh: true,
      });
      const answer = (await response.json()) as Answer;
      // A rejected call is not part of the answer: the LLM is told why, and nothing ran.
      expect(answer.calls).toEqual([]);
      expect(lastToolResult()).toMatch(/^error bad_request:[\s\S]*not a valid Kubernetes name/);
      expect(objectReads(stack.cluster.requests.slice(before))).toEqual([]);
    },
  );

  it.each(PAYLOADS)("MCP: %s is a tool error and nothing is read", async (_, tool, args) => {
    const client = new Client({ name: "red-team", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`)));
    const before = stack.cluster.requests.length;
    const result = (await client.callTool({ name: tool, arguments: args })) as CallToolResult;
    await client.close();
    expect(result.isError).toBe(true);
    expect(result.content.map((part) => (part.type === "text" ? part.text : "")).join("")).toMatch(
      /not a valid Kubernetes name|bad_request|Invalid arguments/,
    );
    expect(objectReads(stack.cluster.requests.slice(before))).toEqual([]);
  });
});

describe("a namespace-scoped caller and an LLM plan (what a scoped Slack channel passes)", () => {
  const redteam = { namespaces: ["shop"], defaultNamespace: "shop" };

  it("cannot read another namespace through a cluster-scoped kind", async () => {
    llm.script(
      scripted.call("get_manifest", { kind: "namespaces", name: "payments" }),
      scripted.text("Done."),
    );
    const before = stack.cluster.requests.length;
    const answer = await stack.answers.answer(
      question("show namespace payments", { fresh: true, scope: redteam }),
    );
    expect(answer.calls).toEqual([]);
    expect(lastToolResult()).toMatch(/^error out_of_scope:/);
    expect(objectReads(stack.cluster.requests.slice(before))).toEqual([]);
  });

  it("sees only its own namespaces in namespace lists and the overview", async () => {
    llm.script(
      scripted.calls(
        { name: "get_resources", arguments: { kind: "namespaces" } },
        { name: "cluster_overview", arguments: {} },
      ),
      scripted.text("Done."),
    );
    const answer = await stack.answers.answer(
      question("list namespaces and the overview", { fresh: true, scope: redteam }),
    );
    expect(answer.calls.map((call) => call.ok)).toEqual([true, true]);
    const [list, overview] = answer.calls;
    expect(JSON.stringify(answer.parts)).not.toMatch(/payments|kube-system|monitoring/);
    expect(list.facts).toBeDefined();
    expect((overview.facts as { namespaces: number }).namespaces).toBe(1);
  });

  it("never gets a plan cached for another scope", async () => {
    const text = "how many pods are there, scope replay check";
    llm.script(scripted.call("get_resources", { kind: "pods", namespace: "shop" }), scripted.text("Done."));
    await stack.answers.answer(question(text, { scope: redteam }));
    const asked = llm.requests.length;
    // The same words from a channel scoped elsewhere: the LLM plans again, it is not handed shop's plan.
    llm.script(
      scripted.call("get_resources", { kind: "pods", namespace: "payments" }),
      scripted.text("Done."),
    );
    const elsewhere = await stack.answers.answer(
      question(text, { scope: { namespaces: ["payments"], defaultNamespace: "payments" } }),
    );
    expect(llm.requests.length).toBeGreaterThan(asked);
    expect(elsewhere.calls).toMatchObject([{ ok: true, args: { namespace: "payments" } }]);
  });
});
