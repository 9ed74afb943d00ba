import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { afterEach, describe, expect, it } from "vitest";

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

function startCli(args: string[]): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "demo-cluster", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function waitFor(output: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  for (let i = 0; i < 300; i++) {
    const match = output().match(pattern);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${pattern}; output so far:\n${output()}`);
}

describe("k8helper demo-cluster", () => {
  it("prints the URL, the kubeconfig and a kubectl example, serves, and stops on SIGTERM", async () => {
    const kubeconfig = join(mkdtempSync(join(tmpdir(), "demo-cluster-")), "config");
    const cli = startCli(["--kubeconfig-out", kubeconfig, "--pods", "50", "--seed", "3"]);
    const [, url] = await waitFor(cli.output, /Simulated cluster: (https:\/\/127\.0\.0\.1:\d+)/);
    expect(cli.output()).toContain(`Kubeconfig:        ${kubeconfig}`);
    expect(cli.output()).toContain(`kubectl --kubeconfig ${kubeconfig} get pods -A`);
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfig);
    expect(kc.getCurrentCluster()?.server).toBe(url);
    const pods = await kc.makeApiClient(CoreV1Api).listPodForAllNamespaces();
    expect(pods.items.length).toBeGreaterThanOrEqual(35 + 50);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
  });

  it("refuses a bad number with a plain message, exit 2 (bad usage), and starts nothing", async () => {
    const cli = startCli(["--pods", "lots"]);
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain('k8helper: --pods must be a whole number from 0 to 200000, not "lots"');
    expect(cli.output()).not.toContain("Simulated cluster:");
    expect(cli.output()).not.toMatch(/\n\s+at /);
  });
});
