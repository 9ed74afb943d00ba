import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EXIT } from "../../src/cli/exit-codes.js";
import type { AnswerPart } from "../../src/core/answer.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { buildSampleCluster } from "../../src/demo/sample-data.js";
import { freePort } from "../helpers/free-port.js";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const env = {
  ...process.env,
  OPENAI_API_KEY: "",
  HUNYUAN_API_KEY: "",
  TENCENT_SECRET_ID: "",
  TENCENT_SECRET_KEY: "",
  K8HELPER_PLANNER: "",
  REDIS_URL: "",
  KUBECONFIG: "",
  HOME: join(tmpdir(), "k8helper-test-no-home"),
};

/** The parts with their AGE cells blanked: the four runs are seconds apart, so an age may tick over a day between them. */
function withoutAges(parts: AnswerPart[]): AnswerPart[] {
  return parts.map((part) => {
    const age = part.type === "table" ? part.columns.indexOf("AGE") : -1;
    if (part.type !== "table" || age < 0) return part;
    return { ...part, rows: part.rows.map((row) => row.map((cell, i) => (i === age ? "" : cell))) };
  });
}

/** The real binary, asynchronously (the simulated cluster answers from this process). */
function cli(args: string[], nodeArgs: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, "dist/cli.js", ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** The sample cluster's pod whose container cannot start (ImagePullBackOff), so it has no logs yet. */
function waitingPod(): string {
  const pod = buildSampleCluster({ seed: 1, now: Date.now() }).objects.find(
    (object) =>
      object.kind === "Pod" &&
      object.metadata.namespace === "shop" &&
      JSON.stringify(object.status).includes('"reason":"ImagePullBackOff"'),
  );
  if (!pod) throw new Error("the sample cluster has no ImagePullBackOff pod in shop");
  return pod.metadata.name;
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

let cluster: SimulatedCluster;
let kubeconfig: string;
let deadKubeconfig: string;

beforeAll(async () => {
  cluster = await startSimulatedCluster();
  kubeconfig = cluster.kubeconfigPath;
  const port = await freePort();
  deadKubeconfig = join(tmpdir(), `k8helper-dead-${process.pid}.kubeconfig`);
  writeFileSync(
    deadKubeconfig,
    readFileSync(kubeconfig, "utf8").replace(cluster.url, `https://127.0.0.1:${port}`),
  );
});

afterAll(async () => {
  await cluster?.close();
});

// Each case spawns the CLI (several at once for the formats): generous limits for a busy machine.
describe("k8helper's exit codes, through the real binary", { timeout: 120_000 }, () => {
  it("answers with 0", async () => {
    const run = await cli(["ask", "--kubeconfig", kubeconfig, "pods in shop"]);
    expect(run.status).toBe(EXIT.ok);
    expect(run.stdout).toContain("checkout");
  });

  it("refuses with 3", async () => {
    const run = await cli(["ask", "--kubeconfig", kubeconfig, "delete pod web-1 in shop"]);
    expect(run.status).toBe(EXIT.refused);
  });

  it.each([
    ["describe pod no-such-pod in shop", 'No pod named "no-such-pod"'],
    ["pods in namespace no-such-namespace", 'No namespace named "no-such-namespace"'],
  ])("%j is not found: 4, the error printed once", async (question, message) => {
    const run = await cli(["ask", "--kubeconfig", kubeconfig, question]);
    expect(run.status).toBe(EXIT.notFound);
    expect(occurrences(run.stdout + run.stderr, message)).toBe(1);
  });

  it("a planned call the cluster rejects (logs of a container still waiting) is 1, not bad usage", async () => {
    const pod = waitingPod();
    const run = await cli([
      "ask",
      "--kubeconfig",
      kubeconfig,
      `show me logs of pod ${pod} in namespace shop`,
    ]);
    expect(run.status).toBe(EXIT.failed);
    expect(occurrences(run.stdout + run.stderr, "is waiting to start")).toBe(1);
  });

  it("an unreachable cluster is 5", async () => {
    const run = await cli(["ask", "--kubeconfig", deadKubeconfig, "pods in shop"]);
    expect(run.status).toBe(EXIT.unreachable);
    expect(occurrences(run.stdout + run.stderr, "Cannot reach the Kubernetes API")).toBe(1);
  });

  it.each([
    [["ask", "--bogus", "pods"]],
    [["ask"]],
    [["ask", "--kubeconfig", "x", "-o", "xml", "pods"]],
    [["run", "no_such_tool"]],
    [["no-such-command"]],
  ])("bad usage %j is 2", async (args) => {
    const run = await cli(args);
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr.length).toBeGreaterThan(0);
  });

  it("no kubeconfig anywhere is 2 and says where it looked and how to point at one, once", async () => {
    const run = await cli(["ask", "pods"]);
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toContain("No kubeconfig found");
    expect(run.stderr).toContain(join(env.HOME, ".kube", "config"));
    expect(run.stderr).toMatch(/--kubeconfig.*--context/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toContain("plain HTTP");
  });

  it("--help lists the exit codes; --version prints the version with 0", async () => {
    const help = await cli(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:[\s\S]*3 {2}refused[\s\S]*5 {2}cluster unreachable/);
    const version = await cli(["--version"]);
    expect(version).toMatchObject({
      status: 0,
      stdout: `${JSON.parse(readFileSync("package.json", "utf8")).version}\n`,
    });
  });

  it("on an old Node says so in one line and exits 1 before loading anything", async () => {
    const oldNode =
      'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"20.19.2"}})';
    const run = await cli(["ask", "pods"], ["--import", oldNode]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      /needs Node 22\.12 or newer, but this is Node 20\.19\.2: run `\. \.ci\/node-env`/,
    );
  });
});

describe("k8helper's output formats", { timeout: 120_000 }, () => {
  it("--output json, --json and --output yaml give the same Answer; piped text has no escape codes", async () => {
    const question = ["--kubeconfig", kubeconfig, "--fresh", "pods in kube-system"];
    const [json, alias, yaml, text] = await Promise.all([
      cli(["ask", "-o", "json", ...question]),
      cli(["ask", "--json", ...question]),
      cli(["ask", "--output", "yaml", ...question]),
      cli(["ask", ...question]),
    ]);
    for (const run of [json, alias, yaml, text]) expect(run.status).toBe(0);
    const fromJson = withoutAges(JSON.parse(json.stdout).parts);
    expect(withoutAges(parse(yaml.stdout).parts)).toEqual(fromJson);
    expect(withoutAges(JSON.parse(alias.stdout).parts)).toEqual(fromJson);
    expect(text.stdout).toContain("coredns");
    expect(text.stdout + text.stderr).not.toContain("\u001b");
  });

  it("says following logs is not supported when asked for logs -f", async () => {
    const run = await cli(["ask", "--kubeconfig", kubeconfig, "logs -f deployment/checkout in shop"]);
    expect(run.stderr).toContain("following logs (-f) is not supported");
  });
});
