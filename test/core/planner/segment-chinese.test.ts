import { describe, expect, it } from "vitest";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import { tokenize } from "../../../src/core/planner/builtin/tokenize.js";

const lexicon = createKindLexicon([]);
const roles = (text: string) => tokenize(text, lexicon, false).map((token) => token.cue?.role ?? token.type);

describe("Chinese segmentation: Intl.Segmenter's words with the domain terms on top", () => {
  it("a one-character cue inside an ordinary word is not that cue", () => {
    expect(roles("部分pod没有就绪")).not.toContain("unit");
    expect(roles("后端服务有哪些")).not.toContain("recent");
  });

  it("the same characters standing alone keep their meaning", () => {
    expect(roles("最近10分的事件")).toContain("unit");
    expect(roles("shop中的pod")).toEqual(expect.arrayContaining(["locative", "possessive"]));
  });

  it("multi-character domain terms win even where ICU splits them (命名 + 空间)", () => {
    expect(tokenize("shop命名空间", lexicon, false).map((token) => token.text)).toEqual(["shop", "命名空间"]);
  });
});
