import { describe, expect, it } from "vitest";
import {
  type ButtonPayload,
  decodeButtonValue,
  encodeButtonValue,
} from "../../../../src/frontends/slack/blocks/button-value.js";

describe("button values", () => {
  it.each<ButtonPayload>([
    { q: "pods in payments", id: "abc" },
    { q: "为什么 payments 里的 pod 一直重启", id: "abc", d: { kind: "pods", namespace: "payments" } },
    { q: 'quotes " and \\ backslashes', id: "x", d: { all_namespaces: true } },
  ])("round-trips $q", (payload) => {
    expect(decodeButtonValue(encodeButtonValue(payload))).toEqual(payload);
  });

  it.each([
    ["a long ASCII question", "a".repeat(5_000)],
    ["a long question of escaped characters", '"\n'.repeat(3_000)],
    ["a long Chinese question", "容".repeat(3_000)],
  ])("cuts %s to Slack's 2,000 characters, keeping the ids", (_, q) => {
    const value = encodeButtonValue({ q, id: "a1b2c3d4", d: { kind: "pods" } });
    expect(value.length).toBeLessThanOrEqual(2_000);
    const decoded = decodeButtonValue(value)!;
    expect(decoded.id).toBe("a1b2c3d4");
    expect(decoded.d).toEqual({ kind: "pods" });
    expect(q.startsWith(decoded.q)).toBe(true);
  });

  it.each([undefined, "", "not json", "{}", '{"q":1,"id":"x"}', '{"q":"x","id":"x","d":{"kind":{"a":1}}}'])(
    "rejects %s",
    (value) => {
      expect(decodeButtonValue(value)).toBeUndefined();
    },
  );
});
