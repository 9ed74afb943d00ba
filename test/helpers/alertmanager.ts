import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";

const BINARY = "/usr/bin/prometheus-alertmanager";

/** A real Alertmanager (Debian's prometheus-alertmanager) on a loopback port, clustering off, with our config. */
export interface Alertmanager {
  url: string;
  /** POST /api/v2/alerts: what Prometheus sends. */
  fire(
    alerts: {
      labels: Record<string, string>;
      annotations?: Record<string, string>;
      startsAt?: string;
      endsAt?: string;
      generatorURL?: string;
    }[],
  ): Promise<void>;
  close(): Promise<void>;
}

export interface WebhookTarget {
  url: string;
  token: string;
}

export async function startAlertmanager(options: {
  webhooks: WebhookTarget[];
  groupBy?: string[];
  groupWait?: string;
  groupInterval?: string;
  repeatInterval?: string;
}): Promise<Alertmanager> {
  if (!existsSync(BINARY)) {
    throw new Error(`${BINARY} is missing: install Debian's prometheus-alertmanager (bash .ci/run does)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "k8helper-alertmanager-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = {
    route: {
      receiver: "k8helper",
      group_by: options.groupBy ?? ["alertname", "namespace"],
      group_wait: options.groupWait ?? "1s",
      group_interval: options.groupInterval ?? "2s",
      repeat_interval: options.repeatInterval ?? "1h",
    },
    receivers: [
      {
        name: "k8helper",
        webhook_configs: options.webhooks.map((w) => ({
          url: w.url,
          send_resolved: true,
          http_config: { authorization: { type: "Bearer", credentials: w.token } },
        })),
      },
    ],
  };
  writeFileSync(join(dir, "alertmanager.yml"), JSON.stringify(config));
  const child: ChildProcess = spawn(
    BINARY,
    [
      `--config.file=${join(dir, "alertmanager.yml")}`,
      `--storage.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      `--web.external-url=${url}`,
      "--cluster.listen-address=",
      "--log.level=warn",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`alertmanager exited ${child.exitCode}: ${stderr}`);
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`alertmanager did not become ready: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    async fire(alerts) {
      const response = await fetch(`${url}/api/v2/alerts`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(alerts),
      });
      if (!response.ok)
        throw new Error(`alertmanager refused the alerts: ${response.status} ${await response.text()}`);
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
