/**
 * From Alertmanager's webhook to the investigation posted in Slack: 100 alert groups (one crash-looping
 * pod each, the demo's own) sent one after another to a running K8Helper with the fake Slack; the time
 * until the investigation reaches the thread (median, p99) and the Slack calls each alert costs.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config/load-config.js";
import { buildContainer } from "../src/container.js";
import { silentLogger } from "../src/core/ports.js";
import { startSimulatedCluster } from "../src/demo/cluster-server.js";
import { startServices } from "../src/main.js";
import { startFakeSlack } from "../test/fakes/slack-api-server.js";
import { type Figure, reportFigures } from "./lib/report.js";
import { median, percentile } from "./lib/stats.js";

const ALERTS = 100;
const TOKEN = "bench-alerts-token";

await reportFigures(async (): Promise<Figure[]> => {
  const [cluster, slack] = await Promise.all([startSimulatedCluster(), startFakeSlack()]);
  const routes = join(mkdtempSync(join(tmpdir(), "bench-alerts-")), "routes.yaml");
  writeFileSync(routes, "default: C0BENCH\n");
  const config = loadConfig({
    env: {
      KUBECONFIG: cluster.kubeconfigPath,
      PORT: "0",
      LOG_LEVEL: "silent",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: "bench-secret",
      SLACK_API_URL: slack.apiUrl,
      K8HELPER_ALERTS_TOKEN: TOKEN,
      K8HELPER_ALERT_ROUTES: routes,
      K8HELPER_ALERT_INVESTIGATIONS_PER_MINUTE: String(ALERTS * 2),
    },
    dotenvPath: "/nonexistent/.env",
  });
  const services = await startServices(await buildContainer(config, { logger: silentLogger, agent: null }));
  const times: number[] = [];
  try {
    for (let i = 0; i < ALERTS; i++) {
      const alert = {
        status: "firing",
        labels: {
          alertname: "KubePodCrashLooping",
          severity: "warning",
          namespace: "shop",
          pod: "checkout-26l478mgff-5bj6r",
          container: "checkout",
          run: String(i),
        },
        annotations: { summary: "Pod is crash looping." },
        startsAt: new Date().toISOString(),
        fingerprint: `bench${i.toString(16).padStart(8, "0")}`,
      };
      const payload = {
        version: "4",
        groupKey: `{}:{run="${i}"}`,
        status: "firing",
        receiver: "k8helper",
        groupLabels: { run: String(i) },
        commonLabels: alert.labels,
        commonAnnotations: {},
        externalURL: "http://alertmanager.example:9093",
        truncatedAlerts: 0,
        alerts: [alert],
      };
      const started = performance.now();
      const response = await fetch(`${services.http.url}/api/v1/alerts`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(payload),
      });
      await response.json();
      // The webhook answers after the thread post: the investigation is in Slack when it returns.
      times.push(performance.now() - started);
    }
  } finally {
    await services.stop();
  }
  const calls = slack.calls.filter((c) => c.method.startsWith("chat.")).length;
  await Promise.all([slack.close(), cluster.close()]);
  const bench = "alert-investigation";
  return [
    {
      bench,
      name: `webhook → investigation in Slack, median of ${ALERTS}`,
      value: median(times),
      unit: "ms",
      goal: "< 2000 ms",
    },
    {
      bench,
      name: `webhook → investigation in Slack, p99 of ${ALERTS}`,
      value: percentile(times, 99),
      unit: "ms",
      goal: "< 2000 ms",
    },
    {
      bench,
      name: "Slack calls per alert",
      value: calls / ALERTS,
      unit: "calls",
      note: "message + thread post",
    },
  ];
});
