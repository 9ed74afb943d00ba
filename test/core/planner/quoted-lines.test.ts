import { describe, expect, it } from "vitest";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/builtin-planner.js";
import type { ClusterNames } from "../../../src/core/ports.js";
import { question } from "../../helpers/question.js";

// Generated over names: a quoted log line's words are no names; the objects named around it are read.
const NAMESPACES = ["shop", "team-a", "orders-prod"];
const WORKLOADS = ["checkout", "api-gateway", "orders-v2", "ledger"];
const LINES = [
  "model download failed: AccessDenied (403)",
  "heap usage 98% (502MiB of 512MiB)",
  "connection refused while dialing upstream",
];

function clusterWith(workload: string, namespace: string): ClusterNames {
  return {
    namespaces: new Set(["default", "kube-system", namespace]),
    nodes: new Set(["demo-worker-1"]),
    objects: new Map([
      [workload, ["deployments", "services"]],
      ["payments-api", ["deployments"]],
    ]),
    complete: true,
  };
}

const planner = createBuiltinPlanner();
const plan = async (text: string, names: ClusterNames) =>
  (await planner.plan(question(text), { resourceTypes: [], names })).calls;

describe("a quoted log line names no object; the question around it does", () => {
  for (const namespace of NAMESPACES)
    for (const workload of WORKLOADS) {
      const names = clusterWith(workload, namespace);
      it(`${namespace}/${workload}`, async () => {
        for (const line of LINES) {
          for (const asked of [
            `日志里有 \`${line}\`，是哪个服务？`,
            `which service logs "${line}"?`,
            `${line} - which service logs this?`,
            `${line} <- whose log is this`,
            `日志里有 ${line}，是哪个服务`,
          ])
            expect(await plan(asked, names)).toEqual([{ tool: "diagnose", args: {} }]);
          expect(await plan(`payments-api 日志报 \`${line}\`，${workload} 怎么了`, names)).toEqual([
            { tool: "diagnose", args: { name: "payments-api" } },
            { tool: "diagnose", args: { name: workload } },
          ]);
        }
        const image = `registry.example.com/${namespace}/${workload}:v2.4.0-rc1`;
        expect(await plan(`看到 \`failed to resolve reference ${image}\`，怎么回事`, names)).toEqual([
          { tool: "diagnose", args: { name: workload } },
        ]);
      });
    }
});

describe("a doubtful plan about a word the cluster lacks reads the one object the question names", () => {
  for (const namespace of NAMESPACES)
    for (const workload of WORKLOADS) {
      const names = clusterWith(workload, namespace);
      it(`${namespace}/${workload}`, async () => {
        const calls = await plan(`token 过期会不会导致 ${workload} crash？看下 log`, names);
        expect(calls.map((call) => call.args.name)).toEqual([workload]);
      });
    }
});
