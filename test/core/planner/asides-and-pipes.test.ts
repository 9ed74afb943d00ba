import { describe, expect, it } from "vitest";
import { planQuestion } from "../../../src/core/planner/builtin/builtin-planner.js";
import { createKindLexicon } from "../../../src/core/planner/builtin/kind-lexicon.js";
import type { ClusterNames } from "../../../src/core/ports.js";

// Generated over names: asides beside a question, "what do I look at", shell pipes after kubectl.
const lexicon = createKindLexicon([]);
const NAMESPACES = ["data", "shop", "team-a"];
const NODES = ["demo-worker-2", "ip-10-0-3-7", "gke-pool-a-9"];
const cluster: ClusterNames = {
  namespaces: new Set(["default", ...NAMESPACES]),
  nodes: new Set(NODES),
  objects: new Map([
    ["backup-postgres", ["cronjobs"]],
    ["checkout", ["deployments"]],
  ]),
  complete: true,
};
const callsOf = (text: string) => planQuestion(text, lexicon, cluster).calls;

describe("an aside beside the question is no part of it", () => {
  for (const namespace of NAMESPACES)
    it(namespace, () => {
      const diagnosis = [{ tool: "diagnose", args: { namespace } }];
      for (const aside of ["backups worry me", "just got paged", "刚被告警叫醒", "thanks"]) {
        expect(callsOf(`is the ${namespace} namespace ok? ${aside}`), aside).toEqual(diagnosis);
        expect(callsOf(`${aside}. is the ${namespace} namespace ok?`), aside).toEqual(diagnosis);
      }
    });
});

describe("where to look next is the diagnosis", () => {
  for (const pod of ["checkout-7d9f8b6c4-x2k9p", "checkout-26l478mgff-5bj6r"])
    it(pod, () => {
      for (const ask of ["what do I look at?", "where do I start?", "next steps?"])
        expect(callsOf(`${pod} ${ask}`)[0], ask).toMatchObject({ tool: "diagnose", args: { name: pod } });
    });
});

describe("shell pipes after kubectl", () => {
  for (const node of NODES)
    it(node, () => {
      const onNode = [
        {
          tool: "get_resources",
          args: { kind: "pods", all_namespaces: true, field_selector: `spec.nodeName=${node}` },
        },
      ];
      expect(callsOf(`po -A -o wide | grep ${node} | wc -l`)).toEqual(onNode);
      expect(callsOf(`kubectl get pods -A -o wide | grep ${node} | head -20`)).toEqual(onNode);
    });
});
