import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";

// A service in everyday words is the application: its image, limits and Secrets are the workload's. Generated
// over workload names that have a Service of the same name, and over the workload kinds.
const lexicon = createKindLexicon([]);
const APPS: [string, string][] = [
  ["checkout", "deployments"],
  ["orders-v2", "deployments"],
  ["ledger", "deployments"],
  ["redis", "statefulsets"],
  ["inventory-db", "statefulsets"],
  ["fluent-bit", "daemonsets"],
];
const cluster: ClusterNames = {
  namespaces: new Set(["shop", "payments"]),
  nodes: new Set(["worker-1"]),
  objects: new Map(APPS.map(([name, kind]) => [name, [kind, "services"]])),
  complete: true,
};

const TEMPLATE_SIDE: [string, (x: string) => string][] = [
  ["image", (x) => `what image is the ${x} service running?`],
  ["image", (x) => `${x}服务跑的是哪个版本的镜像`],
  ["resources", (x) => `memory limit of the ${x} service`],
  ["resources", (x) => `${x} 服务的内存限制是多少`],
  ["env", (x) => `which secrets does the ${x} service use`],
];
const SERVICE_SIDE: [string, (x: string) => string][] = [
  ["ip", (x) => `${x} service cluster ip`],
  ["ports", (x) => `what port does the ${x} service listen on`],
];

describe("the image, limits and Secrets of a service are its workload's", () => {
  for (const [name, kind] of APPS)
    for (const [field, ask] of TEMPLATE_SIDE)
      it(ask(name), () => {
        const [call] = planQuestion(ask(name), lexicon, cluster).calls;
        expect(call.tool).toBe("describe_resource");
        expect(call.args).toMatchObject({ kind, name });
        expect(call.args.fields).toContain(field);
      });
});

describe("a Service's own address and ports stay the Service's", () => {
  for (const [name] of APPS)
    for (const [field, ask] of SERVICE_SIDE)
      it(ask(name), () => {
        const [call] = planQuestion(ask(name), lexicon, cluster).calls;
        expect(call.args).toMatchObject({ kind: "services", name });
        expect(call.args.fields).toContain(field);
      });
});

describe("everyday words for kinds and states", () => {
  for (const [name] of APPS)
    it(`desc deploy ${name}`, () => {
      expect(planQuestion(`desc deploy ${name}`, lexicon, cluster).calls[0]).toMatchObject({
        tool: "describe_resource",
        args: { kind: "deployments", name },
      });
    });
  it("servers are nodes, and a word two edits from a short name is no name", () => {
    expect(planQuestion("is one of our servers down?", lexicon, cluster).calls[0].args).toEqual({
      kind: "nodes",
    });
    const named: ClusterNames = { ...cluster, namespaces: new Set(["shop", "short-links"]) };
    for (const text of [
      "how many deployments are short of replicas",
      "which deployments are missing replicas",
    ])
      expect(planQuestion(text, lexicon, named).calls[0].args).toEqual({
        kind: "deployments",
        unhealthy: true,
      });
  });
});
