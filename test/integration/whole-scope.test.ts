import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { question } from "../helpers/question.js";

/** Issue 13 §1–2 on the demo cluster: no namespace in the question means the caller's whole scope. */
describe("questions that name no namespace, through the pipeline on the simulated cluster", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  const ask = (text: string, scope = {}): Promise<Answer> => stack.answers.answer(question(text, { scope }));

  it("'what's broken?' diagnoses every namespace, not only default", async () => {
    const answer = await ask("what's broken?");
    expect(answer.calls).toMatchObject([{ tool: "diagnose", ok: true }]);
    const objects = answer.calls[0].facts?.objects as string[];
    const namespaces = new Set(objects.filter((o) => o.includes("/")).map((o) => o.split("/")[0]));
    expect([...namespaces]).toEqual(expect.arrayContaining(["shop", "payments"]));
    expect(answer.summary).not.toMatch(/No problems found/);
  });

  it("'how many pods are pending' counts the Pending pods of every namespace, with a NAMESPACE column", async () => {
    const answer = await ask("how many pods are pending");
    expect(answer.calls).toMatchObject([{ tool: "get_resources", ok: true }]);
    const table = answer.parts.find((part) => part.type === "table");
    expect(table?.type === "table" && table.columns[0]).toBe("NAMESPACE");
    expect(answer.calls[0].facts?.count).toBeGreaterThan(0);
    expect(answer.summary).not.toMatch(/^No /);
  });

  it("a configured channel default still applies, and names the namespace it read", async () => {
    const answer = await ask("what's broken?", {
      namespaces: ["default", "shop"],
      defaultNamespace: "default",
    });
    expect(answer.calls[0].facts).toMatchObject({ namespace: "default" });
  });

  it("an empty answer across the scope says how many namespaces and which kinds were checked", async () => {
    const quiet = { namespaces: ["kube-public", "kube-node-lease"] };
    const answer = await ask("are any pods broken?", quiet);
    expect(answer.summary).toBe("No problems found in 2 namespaces (pods checked).");
    const chinese = await ask("pod有问题吗", quiet);
    expect(chinese.summary).toBe("在 2 个命名空间中没有发现问题（已检查Pod）。");
  });

  it("a unique full pod name is found in its namespace, and the answer says where", async () => {
    const pods = await ask("list pods in namespace shop");
    const table = pods.parts.find((part) => part.type === "table");
    const name = String(
      table?.type === "table" ? table.rows.find((row) => String(row[0]).startsWith("checkout-"))?.[0] : "",
    );
    expect(name).toMatch(/^checkout-/);
    const answer = await ask(`why is ${name} crashing?`);
    expect(answer.calls[0]).toMatchObject({ tool: "diagnose", ok: true });
    expect(answer.summary).not.toMatch(/No object named/);
    const logs = await ask(`logs of pod ${name}`);
    expect(logs.calls[0]).toMatchObject({ ok: true, facts: { namespace: "shop" } });
    expect(logs.notes.join(" ")).toContain(`Found pod ${name} in shop`);
  });

  it("a workload's name finds its pods wherever they are ('ledger 的日志')", async () => {
    const answer = await ask("ledger 的日志");
    expect(answer.calls[0]).toMatchObject({
      tool: "get_pod_logs",
      ok: true,
      facts: { namespace: "payments" },
    });
  });

  it("the planner reads the cluster's names: a known object in Chinese is the object, wherever it is", async () => {
    const answer = await ask("为什么 checkout 一直崩溃");
    expect(answer.calls[0]).toMatchObject({ tool: "diagnose", args: { name: "checkout" }, ok: true });
    expect(answer.calls[0].facts?.objects).toEqual(
      expect.arrayContaining([expect.stringMatching(/^shop\/checkout/)]),
    );
    const oom = await ask("ledger 为什么被 OOMKilled");
    expect(oom.calls[0]).toMatchObject({ tool: "diagnose", args: { name: "ledger" }, ok: true });
    expect(oom.calls[0].facts?.reasons).toContain("OOMKilled");
  });
});
