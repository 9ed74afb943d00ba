import { describe, expect, it } from "vitest";
import { checkQuestionPolicy } from "../../../src/core/policy.js";
import { withoutObfuscation } from "../../../src/core/question-filter/obfuscation.js";

const VERBS = ["delete", "scale", "restart", "drain", "cordon", "patch", "exec"];
const SPELLINGS: [string, (word: string) => string][] = [
  ["spaced", (word) => [...word].join(" ")],
  ["hyphenated", (word) => [...word].join("-")],
  ["dotted", (word) => [...word].join(".")],
  ["zero-width spaces", (word) => [...word].join("\u200b")],
  ["a soft hyphen", (word) => `${word.slice(0, 2)}\u00ad${word.slice(2)}`],
  ["a word joiner", (word) => `${word.slice(0, 3)}\u2060${word.slice(3)}`],
];
const NAMES = ["cart-jkkq2c8tqg-mc4c9", "checkout", "demo-worker-1", "a-b-c-d"];

describe("a write verb hidden by its spelling is still refused (generated)", () => {
  const cases = VERBS.flatMap((verb) =>
    SPELLINGS.flatMap(([how, spell]) =>
      NAMES.map((name) => [how, `k8s: ${spell(verb)} pod ${name}`] as const),
    ),
  );
  it.each(cases)("%s: %j", (_how, text) => {
    expect(checkQuestionPolicy(text, "en")).toMatch(/read-only/);
  });
  it.each(["删\u200b除 pod checkout", "重\u200d启一下 checkout"])("in Chinese: %j", (text) => {
    expect(checkQuestionPolicy(text, "zh")).toMatch(/只读/);
  });
});

describe("spaced letters that spell no request stay answered", () => {
  it.each([
    "list pods in namespace a-b-c-d",
    "describe pod x-y-z-w-1",
    "what does the a b c d e test job do",
    "is the e.g. example-app healthy",
    "logs of pod w-x-y-z in q-r-s-t",
  ])("%j", (text) => {
    expect(checkQuestionPolicy(text, "en")).toBeNull();
  });
  it("joins only runs of four or more single letters", () => {
    expect(withoutObfuscation("d e l e t e pod x, a b c")).toBe("delete pod x, a b c");
    expect(withoutObfuscation("de\u200blete")).toBe("delete");
  });
});
