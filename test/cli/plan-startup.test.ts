import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// No cluster to discover and no LLM key: the case `k8helper plan` must start fast in (issue 17).
const offline = {
  ...process.env,
  KUBECONFIG: "/nonexistent/kubeconfig",
  OPENAI_API_KEY: "",
  HUNYUAN_API_KEY: "",
  TENCENT_SECRET_ID: "",
  TENCENT_SECRET_KEY: "",
  K8HELPER_PLANNER: "",
};
const recorder = resolve(import.meta.dirname, "../helpers/record-loaded-modules.mjs");

function plan(args: string[], env: Record<string, string | undefined> = {}) {
  const record = join(mkdtempSync(join(tmpdir(), "k8helper-modules-")), "loaded.txt");
  const result = spawnSync(process.execPath, ["--import", recorder, "dist/cli.js", "plan", ...args], {
    env: { ...offline, ...env, K8HELPER_LOADED_MODULES: record },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { ...result, loaded: readFileSync(record, "utf8").split("\n") };
}

const fromZod = (urls: string[]) => urls.filter((url) => url.includes("/node_modules/zod/"));

describe("k8helper plan without a cluster or an LLM loads no configuration schema", () => {
  it("plans with the builtin planner and never loads zod", () => {
    const result = plan(["--json", "pods in shop"]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).calls).toEqual([
      { tool: "get_resources", args: { kind: "pods", namespace: "shop" } },
    ]);
    expect(fromZod(result.loaded)).toEqual([]);
  });

  it("still validates the configuration when a setting chooses an LLM planner", () => {
    const unknown = plan(["pods in shop"], { K8HELPER_PLANNER: "gpt" });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/K8HELPER_PLANNER: must be one of builtin, openai, hunyuan, hybrid/);
    const keyless = plan(["pods in shop"], { K8HELPER_PLANNER: "openai" });
    expect(keyless.status).toBe(2);
    expect(keyless.stderr).toMatch(/needs OPENAI_API_KEY/);
    expect(fromZod(keyless.loaded)).not.toEqual([]);
  });

  it("an LLM key alone makes the configured planner hybrid, so the configuration is read", () => {
    const result = plan(["pods in shop"], { TENCENT_SECRET_ID: "id-only" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/TENCENT_SECRET_ID and TENCENT_SECRET_KEY go together/);
  });
});
