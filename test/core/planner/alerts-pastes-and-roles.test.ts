import { describe, expect, it } from "vitest";
import { createBuiltinPlanner } from "../../../src/core/planner/builtin/builtin-planner.js";
import { namesOfKind } from "../../../src/core/planner/builtin/kind-members.js";
import type { ClusterNames } from "../../../src/core/ports.js";
import { question } from "../../helpers/question.js";
import { sampleNames } from "../../helpers/sample-names.js";

// Generated over names: alerts and kubectl output pasted into a question, role words, supposed verbs and windows.
const NAMESPACES = ["shop", "edge", "team-a", "orders-prod"];
const WORKLOADS = ["checkout", "api-gateway", "orders-v2", "ledger"];

function clusterWith(workload: string, namespace: string, extra: [string, string[]][] = []): ClusterNames {
  return {
    namespaces: new Set(["default", "kube-system", namespace]),
    nodes: new Set(["demo-worker-1", "demo-worker-3"]),
    objects: new Map([
      [workload, ["deployments", "services", "horizontalpodautoscalers"]],
      ["nightly-backup", ["cronjobs"]],
      ...extra,
    ]),
    complete: true,
  };
}

const planner = createBuiltinPlanner();
const plan = async (text: string, names: ClusterNames) =>
  (await planner.plan(question(text), { resourceTypes: [], names })).calls;

describe("an alert pasted into a question is read for its object, its labels never a selector", () => {
  for (const namespace of NAMESPACES)
    for (const workload of WORKLOADS) {
      const names = clusterWith(workload, namespace);
      const pod = `${workload}-7d9f8b6c4-x2k9p`;
      it(`${namespace}/${workload}`, async () => {
        expect(await plan(`KubeDeploymentReplicasMismatch ${namespace}/${workload}`, names)).toEqual([
          { tool: "diagnose", args: { namespace, kind: "deployments", name: workload } },
        ]);
        const firing = `[FIRING:1] KubePodCrashLooping namespace=${namespace} pod=${pod} container=app severity=warning — what's the cause?`;
        expect(await plan(firing, names)).toEqual([
          { tool: "diagnose", args: { namespace, kind: "pods", name: pod } },
        ]);
        const calls = await plan(`KubeHpaMaxedOut ${namespace}/${workload}, is it really pinned?`, names);
        expect(calls.every((call) => call.args.label_selector === undefined)).toBe(true);
        expect(calls[0]?.args).toMatchObject({ name: workload, namespace });
        expect(await plan(`PagerDuty: KubeNodeNotReady node=demo-worker-3. what's on it?`, names)).toEqual([
          {
            tool: "get_resources",
            args: { kind: "pods", all_namespaces: true, field_selector: "spec.nodeName=demo-worker-3" },
          },
        ]);
      });
    }
});

describe("an alert's own figures and triage words ask why it fires; which member is down is in the diagnosis", () => {
  for (const namespace of NAMESPACES)
    for (const workload of WORKLOADS) {
      const names = clusterWith(workload, namespace, [["node-agent", ["daemonsets"]]]);
      it(`${namespace}/${workload}`, async () => {
        const why = { tool: "diagnose", args: { namespace, kind: "deployments", name: workload } };
        for (const tail of [
          "firing for 45m. triage?",
          "(2/3) — which replica?",
          "is it real?",
          "3 of 4 ready. which pod is down?",
        ])
          expect(
            await plan(
              `KubeDeploymentReplicasMismatch namespace=${namespace} deployment=${workload} ${tail}`,
              names,
            ),
            tail,
          ).toEqual([why]);
        expect(
          await plan(
            `KubeDaemonSetRolloutStuck ${namespace}/node-agent: 3 of 4 ready. which node is missing?`,
            names,
          ),
        ).toEqual([{ tool: "diagnose", args: { namespace, kind: "daemonsets", name: "node-agent" } }]);
        expect(
          await plan(
            `got this from alertmanager: KubeNodeNotReady node=demo-worker-3 severity=critical. what runs there?`,
            names,
          ),
        ).toEqual([
          {
            tool: "get_resources",
            args: { kind: "pods", all_namespaces: true, field_selector: "spec.nodeName=demo-worker-3" },
          },
        ]);
      });
    }
});

describe("whether ready pods stand behind a Service is its endpoints and its diagnosis", () => {
  for (const namespace of NAMESPACES)
    for (const workload of WORKLOADS) {
      const names = clusterWith(workload, namespace);
      it(workload, async () => {
        const backing = [
          { tool: "get_resources", args: { kind: "endpoints", name: workload } },
          { tool: "diagnose", args: { kind: "services", name: workload } },
        ];
        for (const text of [
          `is the ${workload} service backed by any pods?`,
          `does the ${workload} service have endpoints?`,
          `${workload} 服务后面有没有可用的 pod？`,
          `orders say ${workload} ECONNREFUSED in the logs. is ${workload} reachable?`,
        ])
          expect(await plan(text, names), text).toEqual(backing);
      });
    }
});

describe("kubectl output pasted under a question is read for the objects it shows", () => {
  for (const workload of WORKLOADS) {
    const names = clusterWith(workload, "shop");
    const pod = `${workload}-5f8b9c7d6-x2x9k`;
    it(workload, async () => {
      const table = `NAME   READY   STATUS   RESTARTS\n${pod}   0/1   CrashLoopBackOff   11`;
      for (const asked of ["what does this mean?", "这个输出是啥意思？", ""])
        expect(await plan(`${asked}\n${table}`, names), asked).toEqual([
          { tool: "diagnose", args: { name: pod } },
        ]);
      const event = `Warning  ProvisioningFailed  persistentvolumeclaim/${workload}-data  storageclass "fast" not found`;
      expect(await plan(`why?\n${event}`, names)).toEqual([
        { tool: "diagnose", args: { kind: "persistentvolumeclaims", name: `${workload}-data` } },
      ]);
    });
  }
});

describe("a Chinese role word names the one object that has its English part", () => {
  for (const base of ["edge", "public", "internal-api"]) {
    const gateway = `${base}-gateway`;
    it(gateway, async () => {
      const names = clusterWith(gateway, "shop");
      expect(await plan("网关为什么一直重启", names)).toEqual([
        { tool: "diagnose", args: { name: gateway } },
      ]);
      // Two objects with the part: the word is not guessed.
      const two = clusterWith(gateway, "shop", [["other-gateway", ["deployments"]]]);
      const calls = await plan("网关为什么一直重启", two);
      expect(calls.some((call) => call.args.name === gateway)).toBe(false);
    });
  }
});

describe("time windows with a half", () => {
  const counts: [string, number][] = [
    ["一个", 1],
    ["两个", 2],
    ["三个", 3],
  ];
  for (const [said, hours] of counts)
    it(`${said}半小时`, async () => {
      const names = clusterWith("checkout", "shop");
      expect(await plan(`最近${said}半小时 shop 的事件`, names)).toEqual([
        { tool: "get_events", args: { namespace: "shop", since_seconds: (hours + 0.5) * 3600 } },
      ]);
    });
  it("decimal hours", async () => {
    expect(await plan("events in shop in the last 1.5 hours", clusterWith("checkout", "shop"))).toEqual([
      { tool: "get_events", args: { namespace: "shop", since_seconds: 5400 } },
    ]);
  });
});

describe("two namespaces compared are each diagnosed", () => {
  for (const [a, b] of [
    ["shop", "payments"],
    ["team-a", "orders-prod"],
  ])
    it(`${a} and ${b}`, async () => {
      const names: ClusterNames = {
        ...clusterWith("checkout", a),
        namespaces: new Set(["default", a, b]),
      };
      for (const text of [
        `对比一下 ${a} 和 ${b}，哪个命名空间问题更多`,
        `which has more problems, ${a} or ${b}?`,
      ])
        expect(await plan(text, names), text).toEqual([
          { tool: "diagnose", args: { namespace: a } },
          { tool: "diagnose", args: { namespace: b } },
        ]);
    });
});

describe("a word that is a form of one workload's name part is that workload", () => {
  for (const [job, said] of [
    ["db-migrate", "migration"],
    ["orders-migrate", "migrations"],
    ["report-weekly", "weekly"],
  ] as const)
    it(`${said} → ${job}`, async () => {
      const names = clusterWith("checkout", "shop", [[job, ["jobs"]]]);
      expect(await plan(`logs for the failed ${said} job`, names)).toEqual([
        { tool: "get_pod_logs", args: { name: job } },
      ]);
      // Two workloads with the part: nothing is guessed.
      const two = clusterWith("checkout", "shop", [
        [job, ["jobs"]],
        [`other-${job.split("-").at(-1)}`, ["jobs"]],
      ]);
      const calls = await plan(`logs for the failed ${said} job`, two);
      expect(calls.some((call) => call.args.name === job)).toBe(false);
    });
});

describe("kubectl output quoted inline, and alerts named by their scrape job", () => {
  for (const workload of WORKLOADS) {
    const names = clusterWith(workload, "shop");
    const pod = `${workload}-b8tbctjzj8-5frbj`;
    it(workload, async () => {
      expect(await plan(`kubectl get pods says \`${pod} 0/1 OOMKilled 7\` — explain`, names)).toEqual([
        { tool: "diagnose", args: { name: pod } },
      ]);
      expect(await plan(`TargetDown job=${workload} instance=10.0.0.5:9100 ?`, names)).toEqual([
        { tool: "diagnose", args: { name: workload } },
      ]);
    });
  }
});

describe("how a service is reached from outside", () => {
  for (const workload of WORKLOADS)
    it(workload, async () => {
      const names = clusterWith(workload, "shop");
      for (const text of [
        `${workload} 是怎么暴露出去的`,
        `how is ${workload} exposed`,
        `${workload} 的網址是什麼`,
      ])
        expect(await plan(text, names), text).toEqual([
          { tool: "describe_resource", args: { kind: "services", name: workload, fields: ["ip", "ports"] } },
          { tool: "get_resources", args: { kind: "ingresses", all_namespaces: true } },
        ]);
      expect(await plan(`${workload} 的对外 IP`, names)).toEqual([
        { tool: "describe_resource", args: { kind: "services", name: workload, fields: ["ip"] } },
      ]);
    });
});

describe("an alert's labels in brackets, over several objects, or asking what it impacts (generated)", () => {
  for (const namespace of NAMESPACES)
    for (const workload of WORKLOADS) {
      const names = clusterWith(workload, namespace, [
        [`${workload}-agent`, ["daemonsets"]],
        [`${workload}-exporter`, ["daemonsets"]],
      ]);
      const pod = `${workload}-7d9f8b6c4-x2k9p`;
      it(`${namespace}/${workload}`, async () => {
        for (const labels of [
          `(namespace=${namespace} pod=${pod} container=app severity=warning)`,
          `{namespace="${namespace}", pod="${pod}"}`,
        ])
          expect(await plan(`[FIRING:1] KubePodCrashLooping ${labels}`, names)).toEqual([
            { tool: "diagnose", args: { namespace, kind: "pods", name: pod } },
          ]);
        expect(
          await plan(
            `[FIRING:2] KubeDaemonSetRolloutStuck daemonset=${workload}-agent,${workload}-exporter`,
            names,
          ),
        ).toEqual([
          { tool: "diagnose", args: { kind: "daemonsets", name: `${workload}-agent` } },
          { tool: "diagnose", args: { kind: "daemonsets", name: `${workload}-exporter` } },
        ]);
        for (const ask of ["what's impacted?", "blast radius?", "影响了什么"])
          expect(
            await plan(`[FIRING:1] KubeNodeNotReady node=demo-worker-3 severity=critical — ${ask}`, names),
          ).toEqual([
            {
              tool: "get_resources",
              args: { kind: "pods", all_namespaces: true, field_selector: "spec.nodeName=demo-worker-3" },
            },
          ]);
      });
    }
});

// A Chinese alert's wrapping (收到告警：, 告警说) is no question about warning events; hand-written labels (claim=,
// pvc=, hpa=) name the object. Generated over the sample's objects.
describe("Chinese alert wrappings and hand-written alert labels", () => {
  const alertNames = sampleNames();
  const workloads = namesOfKind(alertNames, "deployments").filter((name) => !alertNames.namespaces.has(name));
  it.each(workloads)("%s", async (workload) => {
    for (const lead of ["收到告警：", "告警说 ", "告警：", "又来了个告警："]) {
      const calls = await plan(`${lead}${workload} 一直重启，怎么回事？`, alertNames);
      expect(calls, lead).toEqual([{ tool: "diagnose", args: { name: workload } }]);
    }
    expect(await plan(`告警说 ${workload} 副本数不匹配，具体是哪个 Pod`, alertNames)).toEqual([
      { tool: "diagnose", args: { name: workload } },
    ]);
  });
  it.each(["claim", "pvc"])("%s= names the claim", async (label) => {
    expect(
      await plan(`[FIRING:1] KubePersistentVolumeClaimPending ${label}=analytics-scratch`, alertNames),
    ).toEqual([{ tool: "diagnose", args: { kind: "persistentvolumeclaims", name: "analytics-scratch" } }]);
  });
  it("告警事件 stay warning events", async () => {
    expect(await plan("最近的告警事件", alertNames)).toEqual([
      { tool: "get_events", args: { type: "Warning" } },
    ]);
  });
});
