import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { buildContainer } from "../../src/container.js";
import { silentLogger } from "../../src/core/ports.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { type RunningServices, startServices } from "../../src/main.js";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api-server.js";
import { type Alertmanager, startAlertmanager } from "../helpers/alertmanager.js";
import { eventually } from "../helpers/eventually.js";
import { type RedisServer, startRedisServer } from "../helpers/redis-server.js";

/** Alertmanager's group timers and the investigations run on a shared, possibly busy machine: wait long for what must come. */
const DELIVERY_WAIT_MS = 60_000;
const TEST_TIMEOUT_MS = 5 * DELIVERY_WAIT_MS;

const TOKEN = "alerts-token-for-tests";
const CHANNEL = "C0ALERTS";

let cluster: SimulatedCluster;
let slack: FakeSlack;
let redis: RedisServer;
let replicas: RunningServices[];
let alertmanager: Alertmanager;

async function startReplica(routesFile: string): Promise<RunningServices> {
  const config = loadConfig({
    env: {
      KUBECONFIG: cluster.kubeconfigPath,
      PORT: "0",
      LOG_LEVEL: "silent",
      REDIS_URL: redis.url,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: "alerts-signing-secret",
      SLACK_API_URL: slack.apiUrl,
      K8HELPER_ALERTS_TOKEN: TOKEN,
      K8HELPER_ALERT_ROUTES: routesFile,
      K8HELPER_ALERT_INVESTIGATIONS_PER_MINUTE: "3",
    },
    dotenvPath: "/nonexistent/.env",
  });
  return startServices(await buildContainer(config, { logger: silentLogger, agent: null }));
}

beforeAll(async () => {
  [cluster, slack, redis] = await Promise.all([
    startSimulatedCluster(),
    startFakeSlack(),
    startRedisServer(),
  ]);
  const routes = join(mkdtempSync(join(tmpdir(), "alert-routes-")), "routes.yaml");
  writeFileSync(routes, `default: ${CHANNEL}\nroutes:\n  - match: {severity: page}\n    channel: C0PAGER\n`);
  // Two replicas behind one Service; Alertmanager's receiver notifies both, as an HA pair of Alertmanagers would.
  replicas = [await startReplica(routes), await startReplica(routes)];
  alertmanager = await startAlertmanager({
    webhooks: replicas.map((r) => ({ url: `${r.http.url}/api/v1/alerts`, token: TOKEN })),
    repeatInterval: "3s",
  });
}, 60_000);

afterAll(async () => {
  await alertmanager?.close();
  for (const replica of replicas ?? []) await replica.stop();
  await Promise.all([slack?.close(), redis?.close(), cluster?.close()]);
});

const channelMessages = (channel: string) =>
  [...slack.messages.values()].filter((m) => m.channel === channel && !m.thread_ts);
const threadOf = (ts: string) => [...slack.messages.values()].filter((m) => m.thread_ts === ts);

describe("a real Alertmanager notifying two K8Helper replicas that share Redis", () => {
  it(
    "posts one message with the investigation in its thread, updates it on repeat, and marks it resolved",
    async () => {
      const pods = await (
        await fetch(`${replicas[0].http.url}/api/v1/query`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ query: "pods in namespace shop" }),
        })
      ).json();
      const checkout = JSON.stringify(pods).match(/checkout-[a-z0-9]+-[a-z0-9]+/)![0];
      const alert = {
        labels: {
          alertname: "KubePodCrashLooping",
          severity: "warning",
          namespace: "shop",
          pod: checkout,
          container: "checkout",
        },
        annotations: {
          summary: "Pod is crash looping.",
          description: `Pod shop/${checkout} (checkout) is in waiting state (reason: "CrashLoopBackOff").`,
        },
        generatorURL: "http://prometheus.example/graph?g0.expr=up",
      };
      await alertmanager.fire([alert]);
      const [message] = await eventually(() => {
        const found = channelMessages(CHANNEL).filter((m) => m.text?.includes("KubePodCrashLooping"));
        return found.length > 0 && found;
      }, DELIVERY_WAIT_MS);
      expect(message.text).toContain("Firing: KubePodCrashLooping (warning)");
      const blocks = JSON.stringify(message.blocks);
      expect(blocks).toContain("Pod is crash looping.");
      expect(blocks).toContain("silences/new?filter=");
      const investigation = await eventually(
        () => threadOf(message.ts).find((m) => JSON.stringify(m.blocks).includes("CrashLoopBackOff")),
        DELIVERY_WAIT_MS,
      );
      expect(JSON.stringify(investigation.blocks)).toContain(checkout);
      // The repeat (3 s) edits the same message; nothing new is posted to the channel.
      await eventually(() => message.versions.length >= 2, DELIVERY_WAIT_MS, "no update on repeat");
      expect(channelMessages(CHANNEL).filter((m) => m.text?.includes("KubePodCrashLooping"))).toHaveLength(1);
      // Resolved: Alertmanager sends it on the next group interval.
      await alertmanager.fire([{ ...alert, endsAt: new Date().toISOString() }]);
      await eventually(
        () => message.versions.at(-1)?.text?.includes("Resolved: KubePodCrashLooping"),
        DELIVERY_WAIT_MS,
        "no resolved edit",
      );
      const resolvedLines = await eventually(() => {
        const lines = threadOf(message.ts).filter((m) => m.text?.startsWith("Resolved after"));
        return lines.length > 0 && lines;
      }, DELIVERY_WAIT_MS);
      expect(resolvedLines).toHaveLength(1);
      expect(
        threadOf(message.ts).filter((m) => JSON.stringify(m.blocks).includes("CrashLoopBackOff")),
      ).toHaveLength(1);
      expect(slack.violations).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "turns a storm of 30 alerts into one message, investigates within the channel's budget and says when it bites",
    async () => {
      const alerts = Array.from({ length: 30 }, (_, i) => ({
        labels: {
          alertname: "KubePodNotReady",
          severity: i < 3 ? "critical" : "warning",
          namespace: "payments",
          pod: `ledger-storm-${i}`,
        },
        annotations: { summary: "Pod has been in a non-ready state for more than 15 minutes." },
      }));
      await alertmanager.fire(alerts);
      const [message] = await eventually(() => {
        const found = channelMessages(CHANNEL).filter((m) => m.text?.includes("KubePodNotReady"));
        return found.length > 0 && found;
      }, DELIVERY_WAIT_MS);
      expect(message.text).toContain("30 alerts firing: KubePodNotReady");
      const noted = await eventually(
        () =>
          JSON.stringify(message.versions.at(-1)).includes("investigations a minute is used up") &&
          message.versions.at(-1),
        DELIVERY_WAIT_MS,
        "the budget note never reached the message",
      );
      expect(JSON.stringify(noted)).toContain("storm: 30 alerts, the 10 most urgent investigated");
      // A budget of 3 a minute, some spent on the crash loop above: at most 3 here, the critical ones first.
      const thread = threadOf(message.ts);
      expect(thread.length).toBeLessThanOrEqual(3);
      expect(thread.every((m) => /ledger-storm-[012]\b/.test(JSON.stringify(m.blocks)))).toBe(true);
      expect(channelMessages(CHANNEL).filter((m) => m.text?.includes("KubePodNotReady"))).toHaveLength(1);
    },
    TEST_TIMEOUT_MS,
  );
});

describe("POST /api/v1/alerts refuses what is not Alertmanager's", () => {
  const post = (body: string, token = TOKEN, type = "application/json") =>
    fetch(`${replicas[0].http.url}/api/v1/alerts`, {
      method: "POST",
      headers: { "Content-Type": type, Authorization: `Bearer ${token}` },
      body,
    });

  it("a wrong token is 401 and changes nothing", async () => {
    const before = slack.calls.length;
    const response = await post(JSON.stringify({ version: "4" }), "wrong-token");
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toContain("K8HELPER_ALERTS_TOKEN");
    expect(slack.calls.length).toBe(before);
  });

  it("a malformed payload is 400 with the problems, and changes nothing", async () => {
    const before = slack.calls.length;
    const response = await post(JSON.stringify({ version: "4", status: "firing", alerts: [{}] }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toContain("Alertmanager webhook payload");
    expect(body.error.problems.length).toBeGreaterThan(0);
    expect((await post("{not json")).status).toBe(400);
    expect((await post("x", TOKEN, "text/plain")).status).toBe(415);
    expect(slack.calls.length).toBe(before);
  });
});
