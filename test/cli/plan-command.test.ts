import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// No cluster, no LLM keys: the builtin planner with its own lexicon, as on an air-gapped laptop.
const env = {
  ...process.env,
  KUBECONFIG: "/nonexistent/kubeconfig",
  OPENAI_API_KEY: "",
  HUNYUAN_API_KEY: "",
  TENCENT_SECRET_ID: "",
  TENCENT_SECRET_KEY: "",
  K8HELPER_PLANNER: "",
};
const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["dist/cli.js", ...args], { input, env, encoding: "utf8", timeout: 20_000 });

describe("k8helper plan --json", () => {
  it("prints TOOLS.md's object for one question", () => {
    const result = cli(["plan", "--json", "查看kube-system命名空间中的服务"]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      query: "查看kube-system命名空间中的服务",
      calls: [{ tool: "get_resources", args: { kind: "services", namespace: "kube-system" } }],
      refusal: null,
    });
  });

  it("reads stdin line by line and answers each line in order, skipping empty lines", () => {
    const input = [
      "list pods in shop",
      "",
      "delete pod web-1",
      "该集群有多少Pod？",
      "   ",
      "kubectl top nodes",
    ].join("\n");
    const result = cli(["plan", "--json"], `${input}\n`);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.query)).toEqual([
      "list pods in shop",
      "delete pod web-1",
      "该集群有多少Pod？",
      "kubectl top nodes",
    ]);
    expect(lines[0].calls).toEqual([{ tool: "get_resources", args: { kind: "pods", namespace: "shop" } }]);
    expect(lines[1]).toMatchObject({ calls: [], refusal: expect.stringMatching(/read-only/) });
    expect(lines[2].calls).toEqual([{ tool: "get_resources", args: { kind: "pods", all_namespaces: true } }]);
    expect(lines[3].calls).toEqual([{ tool: "top", args: { kind: "nodes" } }]);
  });

  it("prints a readable form without --json", () => {
    const result = cli(["plan", "describe pod web-1 in shop"]);
    expect(result.stdout).toContain("→ describe_resource kind=pods name=web-1 namespace=shop");
    expect(result.stdout).toMatch(/builtin, confidence 0\.\d\d/);
  });

  it("explains what an LLM planner needs when it is not configured", () => {
    const result = cli(["plan", "--json", "--planner", "openai", "list pods"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/OPENAI_API_KEY/);
    expect(result.stdout).toBe("");
  });
});

describe("k8helper eval", () => {
  it("prints failures and the score per language and overall", () => {
    const dir = mkdtempSync(join(tmpdir(), "k8helper-eval-"));
    const file = join(dir, "cases.jsonl");
    writeFileSync(
      file,
      [
        '{"q": "list pods in shop", "expect": [{"tool": "get_resources", "args": {"kind": "pods", "namespace": "shop"}}]}',
        '{"q": "查看节点", "expect": [{"tool": "get_resources", "args": {"kind": "services"}}]}',
        '{"q": "delete pod x", "expect": [], "refuse": true}',
      ].join("\n"),
    );
    const result = cli(["eval", file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("FAIL [zh] 查看节点");
    expect(result.stdout).toContain("expected: get_resources kind=services");
    expect(result.stdout).toContain("got:      get_resources kind=nodes");
    expect(result.stdout.trim().split("\n").at(-1)).toBe(
      "en 2/2 (100.0%)  zh 0/1 (0.0%)  overall 2/3 (66.7%)",
    );
  });

  it("scores the development set at 59/60 or better", () => {
    const result = cli(["eval", "eval/planner-dev.jsonl", "--json"]);
    const report = JSON.parse(result.stdout);
    expect(report.overall.total).toBe(60);
    expect(report.overall.passed).toBeGreaterThanOrEqual(59);
  });

  it("exits 1 when the file cannot be read", () => {
    const result = cli(["eval", "/nonexistent/cases.jsonl"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot read/);
  });
});
