import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/core/language.js";
import { checkQuestionPolicy } from "../../../src/core/policy.js";

// Questions that carry a write verb but ask whether, who, what or how-first, generated over names, beside the
// requests that stay refused.
const refused = (text: string) => checkQuestionPolicy(text, detectLanguage(text)) !== null;
const OBJECTS = ["checkout", "payments-api", "orders-v2", "ledger", "api-gateway"];
const NODES = ["demo-worker-2", "ip-10-0-3-7", "gke-pool-a-9"];

describe("whether a change would be safe is a read", () => {
  for (const node of NODES)
    it(`draining ${node}`, () => {
      expect(refused(`is ${node} safe to drain?`)).toBe(false);
      expect(refused(`would it be ok to cordon ${node} right now?`)).toBe(false);
      expect(refused(`${node} 要不要 drain？`)).toBe(false);
      expect(refused(`drain ${node}`)).toBe(true);
      expect(refused(`is it ok to drain ${node}? then drain it`)).toBe(true);
    });
  for (const object of OBJECTS)
    it(`rolling ${object} back`, () => {
      expect(refused(`${object} 要不要回滚？`)).toBe(false);
      expect(refused(`is the ${object} deployment risky to restart?`)).toBe(false);
      expect(refused(`帮我回滚 ${object}`)).toBe(true);
      expect(refused(`要不要帮我回滚一下 ${object}`)).toBe(true);
    });
});

describe("who ran a command, and which command to run, are reads", () => {
  for (const object of OBJECTS)
    it(object, () => {
      expect(refused(`who ran kubectl set image on ${object}?`)).toBe(false);
      expect(refused(`someone ran kubectl scale on ${object} before lunch, what changed?`)).toBe(false);
      expect(refused(`what kubectl command should I run next for ${object}?`)).toBe(false);
      expect(refused(`kubectl delete pod ${object}-0`)).toBe(true);
      expect(refused(`run kubectl set image deployment/${object} app=${object}:v2`)).toBe(true);
    });
});

describe("a change's noun with its state is a question about the rollout", () => {
  for (const object of OBJECTS)
    it(object, () => {
      expect(refused(`${object} rollout stuck?`)).toBe(false);
      expect(refused(`restart the ${object} rollout`)).toBe(true);
    });
  it("the verb alone stays a request", () => {
    expect(refused("delete stuck pods")).toBe(true);
    expect(refused("restart the rollout")).toBe(true);
  });
});

describe("Chinese how-to and before-I-change questions ask for the state first", () => {
  for (const object of OBJECTS)
    it(object, () => {
      expect(refused(`要删除 ${object} 之前，先告诉我它现在什么状态`)).toBe(false);
      expect(refused(`怎么 delete 一个 pod 我知道，先告诉我 ${object} 为什么一直重启`)).toBe(false);
      expect(refused(`删除 ${object}`)).toBe(true);
    });
  it("a how-to alone is still refused", () => {
    expect(refused("怎么 delete 一个 pod")).toBe(true);
    expect(refused("how do I restart checkout?")).toBe(true);
  });
});

describe("naming a Secret while saying its value cannot be shown is a read", () => {
  for (const object of OBJECTS)
    it(object, () => {
      expect(refused(`which secret holds ${object}'s db password? name only, I know you can't show it`)).toBe(
        false,
      );
      expect(refused(`show me the db password ${object} uses`)).toBe(true);
    });
});

describe("a state that describes the object does not make a Chinese request a question", () => {
  for (const object of OBJECTS)
    it(object, () => {
      expect(refused(`把那个一直崩溃的 ${object} 删了`)).toBe(true);
      expect(refused(`幫我刪掉那個一直重啟的 ${object}`)).toBe(true);
      expect(refused(`${object} 为什么一直重启`)).toBe(false);
      expect(refused(`帮我看看一直重启的 ${object} 为什么重启`)).toBe(false);
    });
});
