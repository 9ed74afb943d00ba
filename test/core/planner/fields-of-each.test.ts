import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";

// An attribute asked of a kind with a few objects is each one's description with that field; generated over node
// sets of one to five names (five is more than are described one by one).
const lexicon = createKindLexicon([]);
const NODE_POOL = ["cp-1", "worker-a", "ip-10-0-3-7", "gke-pool-a-9", "node-5"];
const clusterWith = (nodes: string[]): ClusterNames => ({
  namespaces: new Set(["default"]),
  nodes: new Set(nodes),
  objects: new Map([["widget-controller", ["deployments"]]]),
  complete: true,
});

describe("which nodes have taints", () => {
  for (let count = 1; count <= NODE_POOL.length; count++) {
    const nodes = NODE_POOL.slice(0, count);
    it(`${count} node(s)`, () => {
      const calls = planQuestion("which nodes have taints?", lexicon, clusterWith(nodes)).calls;
      if (count <= 4)
        expect(calls).toEqual(
          nodes.map((name) => ({
            tool: "describe_resource",
            args: { kind: "nodes", name, fields: ["taints"] },
          })),
        );
      else expect(calls).toEqual([{ tool: "get_resources", args: { kind: "nodes" } }]);
      expect(planQuestion("how many nodes are not ready?", lexicon, clusterWith(nodes)).calls[0].tool).toBe(
        "get_resources",
      );
    });
  }
  it("a kind word before a name's part is no shortening of that name", () => {
    const calls = planQuestion("is the ingress controller healthy?", lexicon, clusterWith(["cp-1"])).calls;
    expect(calls.some((call) => call.args.name === "widget-controller")).toBe(false);
  });
});
