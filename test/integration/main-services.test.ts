import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { buildContainer } from "../../src/container.js";
import { silentLogger } from "../../src/core/ports.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { type RunningServices, startServices } from "../../src/main.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api-server.js";
import { commandForm, postSigned } from "../fakes/slack-payloads.js";
import { eventually } from "../helpers/eventually.js";

const SIGNING_SECRET = "main-services-secret";

/** What `k8helper serve` and `npm run demo` start: the page, API, metrics, MCP and Slack (HTTP mode) on one port. */
describe("startServices", () => {
  let cluster: SimulatedCluster;
  let slack: FakeSlack;
  let services: RunningServices;

  beforeAll(async () => {
    cluster = await startSimulatedCluster();
    slack = await startFakeSlack();
    const config = loadConfig({
      env: {
        KUBECONFIG: cluster.kubeconfigPath,
        PORT: "0",
        LOG_LEVEL: "silent",
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
      dotenvPath: "/nonexistent/.env",
    });
    services = await startServices(await buildContainer(config, { logger: silentLogger, agent: null }));
  });
  afterAll(async () => {
    await services?.stop();
    await slack?.close();
    await cluster?.close();
  });

  it("serves health, the API and metrics on the one port", async () => {
    expect(services.slackMode).toBe("http");
    expect(await (await fetch(`${services.http.url}/api/v1/health`)).json()).toEqual({ status: "healthy" });
    const query = await fetch(`${services.http.url}/api/v1/query`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "查看kube-system命名空间中的服务" }),
    });
    const answer = (await query.json()) as { parts: { type: string; rows: unknown[][] }[] };
    expect(query.status).toBe(200);
    expect(answer.parts[0]!.rows.map((row) => row[0])).toContain("kube-dns");
    const metrics = await (await fetch(`${services.http.url}/metrics`)).text();
    expect(metrics).toMatch(/k8helper_questions_total\{[^}]*frontend="http"/);
  });

  it("answers a signed /k8s command on /slack/events of the same port", async () => {
    const response = await postSigned(
      `${services.http.url}/slack/events`,
      SIGNING_SECRET,
      commandForm({ text: "pods in kube-system", responseUrl: slack.responseUrl("main") }),
      { contentType: "application/x-www-form-urlencoded" },
    );
    expect(response.status).toBe(200);
    const final = await eventually(
      () =>
        [...slack.messages.values()].find((message) =>
          JSON.stringify(message.blocks ?? []).includes("coredns"),
        ),
      5_000,
    );
    expect(final.channel).toBe("C0PAYMENTS");
    expect(slack.violations).toEqual([]);

    const forged = await postSigned(
      `${services.http.url}/slack/events`,
      SIGNING_SECRET,
      commandForm({ text: "pods", responseUrl: slack.responseUrl("x") }),
      { contentType: "application/x-www-form-urlencoded", signWith: "wrong-secret" },
    );
    expect(forged.status).toBe(401);
  });
});
