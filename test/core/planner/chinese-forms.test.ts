import { describe, expect, it } from "vitest";
import {
  chineseNumeralsToDigits,
  foldMixedKindNames,
  toSimplified,
} from "../../../src/core/planner/builtin/chinese-forms.js";

describe("traditional Chinese folded to simplified", () => {
  it.each([
    ["查看所有節點", "查看所有节点"],
    ["哪個節點的記憶體使用最高", "哪个节点的内存使用最高"],
    ["叢集狀態如何", "集群状态如何"],
    ["刪除pod web-1", "删除pod web-1"],
    ["查看shop命名空間的服務", "查看shop命名空间的服务"],
  ])("%s", (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified);
  });

  it("leaves simplified text and ASCII as they are", () => {
    expect(toSimplified("查看kube-system的Pod web-1")).toBe("查看kube-system的Pod web-1");
  });
});

describe("Chinese numerals before a unit", () => {
  it.each([
    ["最近五十行日志", "最近50行日志"],
    ["最后二十行", "最后20行"],
    ["十五行", "15行"],
    ["两百条", "200条"],
    ["一百五十行", "150行"],
    ["一百零五行", "105行"],
    ["过去三十分钟", "过去30分钟"],
    ["最近十二小时", "最近12小时"],
  ])("%s", (chinese, digits) => {
    expect(chineseNumeralsToDigits(chinese)).toBe(digits);
  });

  it("keeps words that only contain a numeral character", () => {
    for (const text of ["一直重启", "看一下", "两个pod", "十分严重", "最近一小时"])
      expect(chineseNumeralsToDigits(text)).toBe(text);
  });
});

describe("Chinese kind names that embed the word Pod", () => {
  it.each([
    ["查看Pod中断预算", "查看中断预算"],
    ["列出pod干扰预算", "列出干扰预算"],
    ["水平Pod自动扩缩器", "水平自动扩缩器"],
    ["Pod 水平自动扩缩", "水平自动扩缩"],
  ])("%s", (mixed, folded) => {
    expect(foldMixedKindNames(mixed)).toBe(folded);
  });

  it("keeps Pod as a kind everywhere else", () => {
    for (const text of ["查看Pod的详细信息", "pod web-1的日志", "Pod和自动扩缩器"])
      expect(foldMixedKindNames(text)).toBe(text);
  });
});
