import { describe, expect, it } from "vitest";
import { formatDuration } from "../../src/core/format-duration.js";

describe("formatDuration, the one formatter of every timeout message", () => {
  it("says milliseconds below a second and seconds (one decimal at most) from there", () => {
    expect([300, 999, 1_000, 1_500, 2_000, 15_000, 12_345].map(formatDuration)).toEqual([
      "300 ms",
      "999 ms",
      "1 s",
      "1.5 s",
      "2 s",
      "15 s",
      "12.3 s",
    ]);
  });
});
