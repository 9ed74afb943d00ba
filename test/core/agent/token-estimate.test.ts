import { describe, expect, it } from "vitest";
import { estimateTokens, truncateToTokens } from "../../../src/core/agent/token-estimate.js";

describe("token estimates", () => {
  it("count Chinese characters as one token each and other text by fours", () => {
    expect(estimateTokens("abcdefgh")).toBe(2);
    expect(estimateTokens("查看服务")).toBe(4);
  });

  it("truncate to the budget and say how much was cut", () => {
    const cut = truncateToTokens("x".repeat(1_000), 50);
    expect(cut.startsWith("x".repeat(200))).toBe(true);
    expect(cut).toMatch(/\n…\[800 more characters cut\]$/);
    expect(truncateToTokens("short", 50)).toBe("short");
  });
});
