import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, Finding } from "../../src/core/answer.js";
import { SUGGESTION_PREFIX } from "../../src/core/diagnose/suggestions.js";
import type { KubeObject } from "../../src/core/ports.js";
import { resolveKind } from "../../src/core/tools/resolve-kind.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { question } from "../helpers/question.js";

/** Issue 14 §4 and §5 through the whole pipeline on the simulated cluster, in both languages. */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.close();
});

const ask = (text: string): Promise<Answer> => stack.answers.answer(question(text, { fresh: true }));

const findingsOf = (answer: Answer): Finding[] =>
  answer.parts.flatMap((part) => (part.type === "findings" ? part.findings : []));

async function list(kind: string): Promise<KubeObject[]> {
  const cluster = stack.container.clusters.get();
  return cluster.list(await resolveKind(cluster, kind), {});
}

const REVISION = "deployment.kubernetes.io/revision";

describe("the change behind a failure", () => {
  it("a crash-looping deployment's diagnosis names the rollout it followed, with the image it brought", async () => {
    const sets = await list("replicasets");
    const deployments = await list("deployments");
    // Every deployment whose newest revision has unready pods after an image change: the answer names that revision.
    const rolledOut = deployments.filter((deployment) => {
      const own = sets.filter(
        (set) =>
          set.metadata.ownerReferences?.[0]?.name === deployment.metadata.name &&
          set.metadata.namespace === deployment.metadata.namespace,
      );
      return own.length > 1;
    });
    expect(rolledOut.length).toBeGreaterThan(0);
    let named = 0;
    for (const deployment of rolledOut) {
      const { name, namespace } = deployment.metadata;
      const newest = sets
        .filter(
          (set) => set.metadata.ownerReferences?.[0]?.name === name && set.metadata.namespace === namespace,
        )
        .sort(
          (a, b) => Number(b.metadata.annotations?.[REVISION]) - Number(a.metadata.annotations?.[REVISION]),
        )[0];
      const image = (deployment.spec as { template: { spec: { containers: { image: string }[] } } }).template
        .spec.containers[0].image;
      const [en, zh] = [
        await ask(`why is ${name} failing in ${namespace}`),
        await ask(`${namespace}命名空间的${name}为什么失败`),
      ];
      const revision = newest.metadata.annotations?.[REVISION];
      if (!/started failing/.test(en.summary)) continue;
      named += 1;
      expect(en.summary).toContain(`${namespace}/${name} started failing`);
      expect(en.summary).toContain(`after revision ${revision} `);
      expect(en.summary).toContain(image);
      expect(zh.summary).toContain(`${namespace}/${name} 的第 ${revision} 版`);
      expect(zh.summary).toContain("后开始失败");
      expect(zh.summary).toContain(image);
    }
    expect(named).toBeGreaterThan(0);
  });

  it("a workload whose name is a prefix of the rolled-out one is not blamed on that rollout", async () => {
    const deployments = await list("deployments");
    const names = deployments.map((deployment) => deployment.metadata.name);
    const pairs = names.filter((name) =>
      names.some((other) => other !== name && other.startsWith(`${name}-`)),
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const name of pairs) {
      const answer = await ask(`what's wrong with ${name}`);
      for (const finding of findingsOf(answer))
        for (const line of finding.evidence.filter((text) => text.startsWith("recent change:")))
          expect(line).toContain(`of deployment/${name} `);
    }
  });
});

describe("several objects in one why-question", () => {
  it("each is diagnosed, and a healthy one never reads as an all-clear beside a broken one", async () => {
    const all = findingsOf(await ask("what's broken across the cluster?"));
    const broken = [...new Set(all.filter((f) => f.object.kind === "Deployment").map((f) => f.object.name))];
    const deployments = (await list("deployments")).map((deployment) => deployment.metadata.name);
    const healthy = deployments.filter(
      (name) => !all.some((finding) => finding.object.name.startsWith(name)),
    );
    expect(broken.length).toBeGreaterThan(1);
    expect(healthy.length).toBeGreaterThan(1);
    for (const [a, b] of broken.flatMap((x) => healthy.slice(0, 3).map((y) => [y, x]))) {
      for (const text of [`why does ${a} say ${b} refused the connection`, `为什么 ${a} 和 ${b} 出问题`]) {
        const answer = await ask(text);
        expect(
          answer.calls.map((call) => call.args.name),
          text,
        ).toEqual([a, b]);
        const headline = [answer.summary, ...answer.notes].join("\n");
        expect(headline, text).not.toMatch(/No problems found|没有发现问题/);
        expect(answer.summary, text).toContain(b);
      }
    }
  });
});

describe("what to do next, as a suggestion never run", () => {
  it("for every workload with a problem, follow-on questions in both languages end each finding with a command", async () => {
    const all = findingsOf(await ask("what's broken across the cluster?"));
    const workloads = [
      ...new Set(all.filter((f) => f.object.kind === "Deployment").map((f) => f.object.name)),
    ];
    expect(workloads.length).toBeGreaterThan(2);
    for (const name of workloads) {
      for (const text of [
        `what should I check next for ${name}`,
        `${name}下一步怎么排查`,
        `how do I fix ${name}?`,
      ]) {
        const findings = findingsOf(await ask(text));
        expect(
          findings.some((finding) => finding.object.name === name),
          text,
        ).toBe(true);
        for (const finding of findings)
          expect(finding.evidence.at(-1), text).toMatch(
            new RegExp(`^${escapeRegExp(SUGGESTION_PREFIX)}kubectl `),
          );
      }
    }
    expect(stack.cluster.requests.filter((request) => request.method !== "GET")).toEqual([]);
    for (const request of stack.cluster.requests)
      expect(`${request.path}?${JSON.stringify(request.query)}`).not.toMatch(
        /kubectl|rollout undo|set resources|--limits|--previous|Suggested/,
      );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
