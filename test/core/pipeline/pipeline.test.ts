import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, TablePart } from "../../../src/core/answer.js";
import type { Agent } from "../../../src/core/ports.js";
import { startTestStack, type TestStack } from "../../helpers/answer-service.js";
import { question } from "../../helpers/question.js";

function tables(answer: Answer): TablePart[] {
  return answer.parts.filter((part): part is TablePart => part.type === "table");
}

function writesAndSecrets(stack: TestStack) {
  return stack.cluster.requests.filter(
    (request) =>
      (request.method !== "GET" && !request.path.includes("selfsubject")) || /\/secrets\b/.test(request.path),
  );
}

describe("the answer pipeline on the simulated cluster", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it("answers the seed's questions", async () => {
    const services = await stack.answers.answer(question("查看kube-system命名空间中的服务"));
    expect(services.error).toBeUndefined();
    expect(services.calls).toMatchObject([
      { tool: "get_resources", ok: true, args: { kind: "services", namespace: "kube-system" } },
    ]);
    expect(tables(services)[0]!.rows.map((row) => row[0])).toContain("kube-dns");
    expect(services.summary).toMatch(/kube-system/);
    expect(services.language).toBe("zh");

    const allPods = await stack.answers.answer(question("如何查看Kubernetes集群中所有Pod的状态？"));
    expect(allPods.calls[0]).toMatchObject({
      tool: "get_resources",
      ok: true,
      args: { kind: "pods", all_namespaces: true },
    });
    expect(tables(allPods)[0]!.rows.length).toBeGreaterThan(30);
    expect(allPods.summary).toMatch(/共 \d+ 个 ?Pod/);

    const coredns = await stack.answers.answer(
      question("查看kube-system命名空间下名为coredns的Pod的详细信息"),
    );
    expect(coredns.calls[0]).toMatchObject({
      tool: "describe_resource",
      args: { kind: "pods", namespace: "kube-system" },
    });
    // The sample runs two CoreDNS replicas of one Deployment: one of them answers, and the answer says which (issue 17).
    expect(coredns.calls[0]).toMatchObject({ ok: true });
    expect(JSON.stringify(coredns)).toMatch(
      /coredns matches 2 pods of one workload; showing coredns-\S+ \(not healthy\), the others: coredns-/,
    );

    const count = await stack.answers.answer(question("该集群有多少Pod？"));
    expect(count.calls[0]).toMatchObject({
      tool: "get_resources",
      ok: true,
      args: { kind: "pods", all_namespaces: true },
    });
  });

  it("refuses writes and secrets in the user's language and sends nothing to the cluster", async () => {
    const before = stack.cluster.requests.length;
    const english = await stack.answers.answer(question("delete pod api-5f6d in payments"));
    const chinese = await stack.answers.answer(question("重启shop命名空间的checkout部署"));
    const secrets = await stack.answers.answer(question("show me the secrets in payments"));
    for (const answer of [english, chinese, secrets]) {
      expect(answer.refusal).toBeTruthy();
      expect(answer.calls).toEqual([]);
    }
    expect(chinese.refusal).toMatch(/[\u4e00-\u9fff]/);
    expect(english.refusal).not.toMatch(/[\u4e00-\u9fff]/);
    expect(stack.cluster.requests.slice(before)).toEqual([]);
  });

  it("keeps a scoped caller inside its namespaces", async () => {
    const scope = { namespaces: ["shop"], defaultNamespace: "shop" };
    const outside = await stack.answers.answer(question("list pods in payments", { scope }));
    expect(outside.calls[0]).toMatchObject({ ok: false, error: { code: "out_of_scope" } });
    expect(outside.parts).toEqual([]);

    const everywhere = await stack.answers.answer(question("show pods in all namespaces", { scope }));
    const namespaceColumn = tables(everywhere)[0]!.columns.findIndex((column) => /namespace/i.test(column));
    const namespaces = new Set(tables(everywhere)[0]!.rows.map((row) => row[namespaceColumn]));
    expect([...namespaces]).toEqual(["shop"]);

    const unnamed = await stack.answers.answer(question("list pods", { scope }));
    expect(unnamed.calls[0]!.ok).toBe(true);
    expect(unnamed.namespace ?? unnamed.calls[0]!.facts?.namespace).toBe("shop");
  });

  it("answers a repeated question from the cache, in other words too, and Refresh bypasses it", async () => {
    const first = await stack.answers.answer(question("list pods in shop"));
    const requestsAfterFirst = stack.cluster.requests.length;
    const second = await stack.answers.answer(question("kubectl get po -n shop"));
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.computedAt).toBe(first.computedAt);
    expect(second.requestId).not.toBe(first.requestId);
    expect(stack.cluster.requests.length).toBe(requestsAfterFirst);

    const fresh = await stack.answers.answer(question("list pods in shop", { fresh: true }));
    expect(fresh.cached).toBe(false);
    expect(stack.cluster.requests.length).toBeGreaterThan(requestsAfterFirst);
  });

  it("runs concurrent identical questions once", async () => {
    const before = stack.cluster.requests.length;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        stack.answers.answer(question("list deployments in data", { fresh: true })),
      ),
    );
    const listRequests = stack.cluster.requests
      .slice(before)
      .filter((request) => request.path.endsWith("/deployments"));
    expect(answers.every((answer) => answer.calls[0]!.ok)).toBe(true);
    expect(listRequests.length).toBe(1);
  });

  it("turns bad input into a clear error answer", async () => {
    const cases = ["", "   ", "x".repeat(5_000), "pods\u0000in\u0001shop", "\ud800 pods"];
    for (const text of cases) {
      const answer = await stack.answers.answer(question(text));
      expect(answer.error?.code).toBe("bad_request");
      expect(answer.summary.length).toBeGreaterThan(0);
      expect(answer.calls).toEqual([]);
    }
    const unknownPlanner = await stack.answers.answer(question("list pods", { planner: "gpt-99" }));
    expect(unknownPlanner.error).toMatchObject({ code: "bad_request" });
    expect(unknownPlanner.error!.message).toMatch(/builtin, openai, hunyuan, hybrid/);
    const noLlm = await stack.answers.answer(question("list pods", { planner: "openai" }));
    expect(noLlm.error?.message).toMatch(/needs an LLM/);
  });

  it("reports an unknown cluster name without touching any cluster", async () => {
    const answer = await stack.answers.answer(
      question("list pods", { scope: { cluster: "no-such-context" } }),
    );
    expect(answer.error?.code).toBe("bad_request");
  });

  it("gives every call's outcome in order when a question needs several calls", async () => {
    const answer = await stack.answers.answer(question("show pods and services in shop"));
    expect(answer.calls.map((call) => call.args.kind)).toEqual(["pods", "services"]);
    expect(tables(answer).length).toBe(2);
    expect(answer.summary).toMatch(/pods?.*services?/is);
  });

  it("never sent a write or a Secret read to the cluster", () => {
    expect(writesAndSecrets(stack)).toEqual([]);
  });
});

describe("the pipeline when parts fail", () => {
  it("answers with the offline planner and a note when the LLM fails", async () => {
    const failingAgent: Agent = {
      name: "openai",
      model: "fake-model",
      answer: async () => {
        throw new Error("connect ECONNREFUSED");
      },
      summarise: async () => {
        throw new Error("down");
      },
    };
    const stack = await startTestStack({
      overrides: { agent: failingAgent },
      env: { OPENAI_API_KEY: "sk-test" },
    });
    try {
      const answer = await stack.answers.answer(question("list pods in shop", { planner: "openai" }));
      expect(answer.calls[0]).toMatchObject({ tool: "get_resources", ok: true });
      expect(answer.notes.join(" ")).toMatch(/offline planner/);
      expect(answer.error).toBeUndefined();
    } finally {
      await stack.close();
    }
  });

  it("reports a stopped API server clearly instead of throwing", async () => {
    const stack = await startTestStack();
    await stack.cluster.close();
    const answer = await stack.answers.answer(question("list pods in shop"));
    expect(answer.calls[0]).toMatchObject({ ok: false, error: { code: "unreachable" } });
    expect(answer.summary).toMatch(/reach/i);
    await stack.container.close();
  });

  it("bounds a slow tool by the tool timeout", async () => {
    const stack = await startTestStack({ env: { K8HELPER_TOOL_TIMEOUT_MS: "300" } });
    try {
      stack.cluster.faults.set({ latencyMs: 2_000 });
      const answer = await stack.answers.answer(question("list pods in shop"));
      expect(answer.calls[0]).toMatchObject({ ok: false, error: { code: "timeout" } });
      expect(answer.calls[0]!.error!.message).toBe("get_resources did not finish within 300 ms.");
    } finally {
      stack.cluster.faults.clear();
      await stack.close();
    }
  });
});
