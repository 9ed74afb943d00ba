import { describe, expect, it } from "vitest";
import { checkCall, isCheckedCall } from "../../../src/core/pipeline/execute-calls.js";
import { toolCatalogue } from "../../../src/core/tools/catalogue.js";

const context = { scope: {}, tools: toolCatalogue };
const check = (tool: string, args: Record<string, unknown>) => checkCall({ tool, args }, context);

describe("argument size bounds", () => {
  it.each([
    [
      "a 100 KB name",
      "get_manifest",
      { kind: "configmaps", name: "a".repeat(100_000), namespace: "shop" },
      /"name" is 100000 characters long; at most 253/,
    ],
    [
      "a 254-character namespace",
      "get_resources",
      { kind: "pods", namespace: "n".repeat(254) },
      /"namespace" is 254 characters long; at most 253/,
    ],
    [
      "a 2 KB selector",
      "get_resources",
      { kind: "pods", label_selector: `app in (${"x,".repeat(1_000)}x)` },
      /"label_selector" is \d+ characters long; at most 1024/,
    ],
    [
      "2 MB of arguments",
      "diagnose",
      { namespace: "shop", extra: ["x".repeat(2_000_000)] },
      /at most 4096 are accepted/,
    ],
  ])("%s is a bad_request that echoes nothing back", (_what, tool, args, message) => {
    const checked = check(tool, args);
    expect(isCheckedCall(checked)).toBe(false);
    if (isCheckedCall(checked)) return;
    expect(checked.error).toEqual({ code: "bad_request", message: expect.stringMatching(message) });
    expect(JSON.stringify(checked).length).toBeLessThan(400);
  });

  it("names at the limit pass the bound (other checks decide the rest)", () => {
    const checked = check("get_resources", { kind: "pods", namespace: "shop", label_selector: "app=web" });
    expect(isCheckedCall(checked)).toBe(true);
  });
});
