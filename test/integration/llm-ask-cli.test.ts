import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolCatalogue } from "../../src/core/tools/catalogue.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { startFakeHunyuanServer } from "../fakes/hunyuan-server.js";
import { scripted } from "../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../fakes/openai-server.js";

const run = promisify(execFile);
let cluster: SimulatedCluster;
beforeAll(async () => {
  cluster = await startSimulatedCluster({ seed: 7 });
});
afterAll(() => cluster?.close());

/** `k8helper ask` as a user runs it (through tsx, so the source under test runs), with only the given settings. */
function ask(question: string, env: Record<string, string>) {
  return run(process.execPath, ["--import", "tsx", "src/cli.ts", "ask", question], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      KUBECONFIG: cluster.kubeconfigPath,
      LOG_LEVEL: "silent",
      ...env,
    },
    timeout: 60_000,
  });
}

describe("k8helper ask with an LLM planner", () => {
  it("OPENAI_BASE_URL: sends the catalogue as tools, runs the calls and prints the LLM's answer with the tables", async () => {
    const llm = await startFakeOpenAiServer({ apiKey: "sk-ask" });
    llm.script(
      scripted.call("get_resources", { kind: "deployments", namespace: "shop" }),
      scripted.text("shop has 5 deployments; checkout is short of replicas."),
    );
    try {
      const { stdout } = await ask("how are the deployments in shop doing?", {
        K8HELPER_PLANNER: "openai",
        OPENAI_API_KEY: "sk-ask",
        OPENAI_BASE_URL: llm.baseURL,
      });
      expect(stdout).toContain("shop has 5 deployments; checkout is short of replicas.");
      expect(stdout).toMatch(/NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE/);
      expect(stdout).toMatch(/checkout\s+2\/3/);
      expect(llm.requests[0].tools.map((tool) => tool.name)).toEqual(toolCatalogue.map((tool) => tool.name));
      expect(cluster.requests.some((request) => request.path.includes("/namespaces/shop/deployments"))).toBe(
        true,
      );
    } finally {
      await llm.close();
    }
  });

  it("TENCENT_SECRET_ID/KEY with HUNYUAN_ENDPOINT: the same through the native Hunyuan SDK", async () => {
    const llm = await startFakeHunyuanServer({ secretId: "AKIDask", secretKey: "ask-key" });
    llm.script(
      scripted.call("get_resources", { kind: "nodes" }),
      scripted.text("集群有 4 个节点，其中 1 个未就绪。"),
    );
    try {
      const { stdout } = await ask("集群的节点都正常吗？", {
        K8HELPER_PLANNER: "hunyuan",
        TENCENT_SECRET_ID: "AKIDask",
        TENCENT_SECRET_KEY: "ask-key",
        HUNYUAN_ENDPOINT: llm.url,
      });
      expect(stdout).toContain("集群有 4 个节点，其中 1 个未就绪。");
      expect(stdout).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
      expect(llm.requests).toHaveLength(2);
      expect(llm.requests[0].headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDask\//);
    } finally {
      await llm.close();
    }
  });
});
