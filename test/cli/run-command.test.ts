import { describe, expect, it } from "vitest";
import { describeTool } from "../../src/cli/describe-tools.js";
import { parseToolArgs } from "../../src/cli/run-tool.js";
import { findTool } from "../../src/core/tools/catalogue.js";

describe("k8helper run arguments", () => {
  const logs = findTool("get_pod_logs")!;
  const resources = findTool("get_resources")!;

  it("types values by the tool's schema and keeps '=' inside values", () => {
    expect(parseToolArgs(resources, ["kind=pods", "all_namespaces=true", "label_selector=app=web"])).toEqual({
      kind: "pods",
      all_namespaces: true,
      label_selector: "app=web",
    });
    expect(parseToolArgs(logs, ["name=api", "tail_lines=20", "previous=false"])).toEqual({
      name: "api",
      tail_lines: 20,
      previous: false,
    });
  });

  it.each([
    [["kind=pods", "colour=red"], 'get_resources has no argument "colour"'],
    [["pods"], 'Arguments are key=value; got "pods"'],
    [["all_namespaces=yes"], "Invalid arguments for get_resources"],
  ])("rejects %j clearly", (pairs, message) => {
    expect(() => parseToolArgs(resources, pairs)).toThrow(message);
  });

  it("rejects a tail outside 1..5000", () => {
    expect(() => parseToolArgs(logs, ["name=api", "tail_lines=9000"])).toThrow(/tail_lines/);
  });

  it("lists a tool's arguments for k8helper tools", () => {
    expect(describeTool(logs)).toMatch(/tail_lines\s+integer 1\.\.5000\s+How many last lines/);
  });
});
