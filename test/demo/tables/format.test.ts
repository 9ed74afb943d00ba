import { describe, expect, it } from "vitest";
import { humanDuration } from "../../../src/demo/tables/format.js";

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe("humanDuration: kubectl's AGE", () => {
  it.each([
    [-5 * s, "<invalid>"],
    [-500, "0s"],
    [0, "0s"],
    [119 * s, "119s"],
    [2 * m, "2m"],
    [9 * m + 59 * s, "9m59s"],
    [10 * m + 30 * s, "10m"],
    [179 * m, "179m"],
    [3 * h, "3h"],
    [7 * h + 59 * m, "7h59m"],
    [8 * h, "8h"],
    [47 * h, "47h"],
    [2 * d, "2d"],
    [7 * d + 23 * h, "7d23h"],
    [8 * d, "8d"],
    [729 * d, "729d"],
    [2 * 365 * d + 10 * d, "2y10d"],
    [9 * 365 * d, "9y"],
  ])("%i ms → %s", (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
