import { afterAll, beforeAll, expect, it } from "vitest";
import { resolveKind } from "../../src/core/tools/resolve-kind.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { question } from "../helpers/question.js";

/** "pods in X" where no namespace is X: the answer says so and offers the close ones, never a list of everything. */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.close();
});

it("for every namespace, a far misspelling of it is answered with no such namespace and the close names", async () => {
  const cluster = stack.container.clusters.get();
  const namespaces = (await cluster.list(await resolveKind(cluster, "namespaces"), {})).map(
    (namespace) => namespace.metadata.name,
  );
  expect(namespaces.length).toBeGreaterThan(5);
  for (const namespace of namespaces) {
    for (const unknown of [`${namespace}-prod`, `zz${namespace.slice(2)}x`]) {
      if (namespaces.includes(unknown)) continue;
      const answer = await stack.answers.answer(question(`list pods in ${unknown}`, { fresh: true }));
      expect(
        answer.calls.map((call) => call.args.namespace),
        unknown,
      ).toEqual([unknown]);
      expect(answer.summary, unknown).toContain(`No namespace named "${unknown}"`);
      expect(answer.parts, unknown).toEqual([]);
      if (unknown.endsWith("-prod"))
        expect(answer.summary, unknown).toMatch(new RegExp(`close names: .*\\b${namespace}\\b`));
    }
  }
  const typo = await stack.answers.answer(question("list pods in zzqxwv", { fresh: true }));
  expect(typo.summary).toContain('No namespace named "zzqxwv"');
});
