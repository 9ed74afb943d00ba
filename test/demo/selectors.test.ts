import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/core/ports.js";
import { ApiStatusError } from "../../src/demo/api-status.js";
import { parseFieldSelector, parseLabelSelector } from "../../src/demo/selectors.js";

const web: KubeObject = {
  metadata: { name: "web-1", namespace: "shop", labels: { app: "web", tier: "front" } },
  spec: { nodeName: "n1" },
  status: { phase: "Running" },
};
const db: KubeObject = {
  metadata: { name: "db-0", namespace: "data", labels: { app: "db" } },
  spec: {},
  status: { phase: "Pending" },
};
const objects = [web, db];

function names(predicate: ((o: KubeObject) => boolean) | undefined): string[] {
  return objects.filter((o) => predicate?.(o) ?? true).map((o) => o.metadata.name);
}

describe("label selectors", () => {
  it.each([
    ["app=web", ["web-1"]],
    ["app==db", ["db-0"]],
    ["app!=web", ["db-0"]],
    ["app in (web, db)", ["web-1", "db-0"]],
    ["app notin (web)", ["db-0"]],
    ["tier", ["web-1"]],
    ["!tier", ["db-0"]],
    ["app in (web,db),!tier", ["db-0"]],
    ["tier notin (front)", ["db-0"]],
    ["", ["web-1", "db-0"]],
  ])("%s", (selector, expected) => {
    expect(names(parseLabelSelector(selector))).toEqual(expected);
  });

  it("rejects a malformed requirement with a 400 Status", () => {
    expect(() => parseLabelSelector("app in web")).toThrow(ApiStatusError);
    try {
      parseLabelSelector("app in web");
    } catch (error) {
      expect((error as ApiStatusError).code).toBe(400);
    }
  });
});

describe("field selectors", () => {
  it.each([
    ["status.phase=Pending", ["db-0"]],
    ["status.phase!=Running", ["db-0"]],
    ["spec.nodeName=n1", ["web-1"]],
    ["spec.nodeName=", ["db-0"]],
    ["metadata.namespace==shop,metadata.name=web-1", ["web-1"]],
    ["metadata.name=nothing", []],
  ])("%s", (selector, expected) => {
    expect(names(parseFieldSelector(selector, "Pod"))).toEqual(expected);
  });

  it("allows only the fields each kind supports", () => {
    expect(() => parseFieldSelector("status.phase=Running", "Deployment")).toThrow(
      "field label not supported: status.phase",
    );
    expect(() => parseFieldSelector("involvedObject.kind=Pod", "Event")).not.toThrow();
    expect(() => parseFieldSelector("phase", "Pod")).toThrow(/invalid selector/);
  });
});
