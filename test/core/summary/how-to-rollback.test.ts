import { describe, expect, it } from "vitest";
import type { CallRecord } from "../../../src/core/answer.js";
import { summariseCalls } from "../../../src/core/summary/summarise.js";

// "how would I roll back X? don't do it": the command to copy, marked as not run, and where it would land.
function rollout(name: string, namespace: string, toRevision?: number): CallRecord {
  const command = `kubectl rollout undo deployment/${name} -n ${namespace}`;
  return {
    tool: "rollout_status",
    args: { kind: "deployments", name },
    ok: true,
    durationMs: 1,
    facts: {
      headline: `The rollout of deployment ${name} is stuck.`,
      headline_zh: `deployment ${name} 的发布卡住了。`,
      rollback: toRevision ? { command, toRevision, toImages: `app=img:${toRevision}` } : { command },
    },
  };
}
const answer = (language: "en" | "zh", record: CallRecord, question: string) =>
  summariseCalls(language, [{ record, parts: [], notes: [] }], question);

describe.each([
  ["api-gateway", "edge"],
  ["checkout", "shop"],
  ["a", "x-1"],
])("rolling back %s in %s", (name, namespace) => {
  const command = `kubectl rollout undo deployment/${name} -n ${namespace}`;
  it("says the command and the revision it goes back to", () => {
    for (const question of [
      `how would I roll back ${name}? don't do it`,
      `what command would undo ${name}'s rollout`,
    ])
      expect(answer("en", rollout(name, namespace, 4), question)).toContain(
        `To roll back (suggested, not run by K8Helper): ${command}, back to revision 4 (app=img:4).`,
      );
    expect(
      answer("zh", rollout(name, namespace, 4), `如果要回滚 ${name} 应该用什么命令？先别执行`),
    ).toContain(`回滚命令（建议，K8Helper 不会执行）：${command}，将回到版本 4`);
  });
  it("says when there is no earlier revision", () => {
    expect(answer("en", rollout(name, namespace), `how would I roll back ${name}?`)).toContain(
      "There is no earlier revision to roll back to",
    );
    expect(answer("zh", rollout(name, namespace), `怎么回滚 ${name}`)).toContain("没有可回滚的旧版本");
  });
  it("says nothing of it when no rollback was asked", () => {
    expect(answer("en", rollout(name, namespace, 4), `rollout status of ${name}`)).not.toContain(
      "rollout undo",
    );
  });
});
