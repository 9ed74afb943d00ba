import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import type { KubeObject } from "../../src/core/ports.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";
import { question } from "../helpers/question.js";

// Generated names in namespaces of their own: a workload with a sidecar, the Secret and ConfigMap its pod spec names.
// The questions never say the namespace, and the names are not words the planner knows.
const CASES = [
  {
    namespace: "refs-lab-a",
    workload: "billing-worker",
    sidecar: "vault-agent",
    secret: "billing-db-creds",
    configMap: "billing-settings",
  },
  {
    namespace: "refs-lab-b",
    workload: "orders-api",
    sidecar: "istio-proxy",
    secret: "orders-stripe-key",
    configMap: "orders-flags",
  },
  {
    namespace: "refs-lab-c",
    workload: "reporter",
    sidecar: "log-shipper",
    secret: "smtp-relay-auth",
    configMap: "reporter-templates",
  },
];

function objectsFor(entry: (typeof CASES)[number]): KubeObject[] {
  const { namespace, workload, sidecar, secret, configMap } = entry;
  const template = {
    containers: [
      {
        name: workload,
        image: `registry.example.com/${workload}:1.0.0`,
        env: [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: secret, key: "password" } } }],
        volumeMounts: [{ name: "settings", mountPath: "/etc/settings" }],
      },
      { name: sidecar, image: `registry.example.com/${sidecar}:2.0.0` },
    ],
    volumes: [{ name: "settings", configMap: { name: configMap } }],
  };
  const created = new Date(Date.now() - 86_400_000).toISOString();
  const meta = (name: string) => ({
    name,
    namespace,
    creationTimestamp: created,
    uid: `${namespace}-${name}`,
  });
  return [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace, creationTimestamp: created } },
    { apiVersion: "v1", kind: "ConfigMap", metadata: meta(configMap), data: { "app.yaml": "mode: live" } },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: meta(workload),
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: workload } },
        template: { metadata: { labels: { app: workload } }, spec: template },
      },
      status: { replicas: 1, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1 },
    },
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        ...meta(`${workload}-7c9d8f6b5-q2x7z`),
        labels: { app: workload },
        ownerReferences: [{ kind: "ReplicaSet", name: `${workload}-7c9d8f6b5`, uid: "rs", controller: true }],
      },
      spec: { ...template, nodeName: "demo-worker-1" },
      status: {
        phase: "Running",
        containerStatuses: [workload, sidecar].map((name) => ({
          name,
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: created } },
        })),
      },
    },
  ] as KubeObject[];
}

let stack: TestStack;
const ask = (text: string): Promise<Answer> => stack.answers.answer(question(text, { fresh: true }));
const textOf = (answer: Answer) => JSON.stringify([answer.summary, answer.parts]);

beforeAll(async () => {
  stack = await startTestStack({ cluster: { extraObjects: CASES.flatMap(objectsFor) } });
}, 60_000);
afterAll(async () => stack?.close());

describe("what references a Secret or ConfigMap is found from pod specs, never by reading the Secret", () => {
  for (const entry of CASES) {
    const pod = `${entry.workload}-7c9d8f6b5-q2x7z`;
    it(`pods and workloads that reference ${entry.secret}`, async () => {
      for (const text of [
        `which pods reference ${entry.secret}`,
        `who uses the ${entry.secret} secret`,
        `哪些pod引用了 ${entry.secret}`,
      ]) {
        const answer = await ask(text);
        expect(answer.refusal, text).toBeNull();
        expect(
          answer.calls.map((call) => [call.tool, call.args.name]),
          text,
        ).toEqual([["get_resources", entry.secret]]);
        expect(answer.summary, text).toContain(`${entry.namespace}/${pod}`);
      }
      const deployments = await ask(`which deployments use the ${entry.secret} secret`);
      expect(deployments.summary).toContain(`${entry.namespace}/${entry.workload}`);
      expect(deployments.summary).not.toContain(pod);
    });

    it(`workloads that mount ${entry.configMap}, and one nothing mounts`, async () => {
      const answer = await ask(`which deployments mount the ${entry.configMap} configmap`);
      expect(answer.summary).toContain(`${entry.namespace}/${entry.workload}`);
      expect(textOf(answer)).toContain(`ConfigMap ${entry.configMap} (volume settings)`);
    });

    it(`${entry.sidecar} is ${entry.workload}'s container, said with or without the workload`, async () => {
      for (const text of [
        `${entry.workload} ${entry.sidecar} logs`,
        `${entry.sidecar} logs`,
        `show me the ${entry.sidecar} sidecar logs for ${entry.workload}`,
        `查看${entry.workload}的${entry.sidecar}容器日志`,
      ]) {
        const answer = await ask(text);
        expect(answer.calls[0]?.tool, text).toBe("get_pod_logs");
        expect(answer.calls[0]?.args, text).toMatchObject({ name: entry.workload, container: entry.sidecar });
      }
    });
  }

  it("a ConfigMap nothing mounts says so instead of listing pods", async () => {
    const answer = await ask("which pods mount the frontend-nginx configmap");
    expect(answer.summary).toContain("No pods reference ConfigMap shop/frontend-nginx");
  });
});

describe("next steps, node usage, the previous image", () => {
  it("a question asking what to do next leads with the suggested command, marked as not run", async () => {
    const english = await ask("what should I check next for ledger");
    expect(english.summary).toContain("OOMKilled");
    expect(english.summary).toMatch(
      /Suggested next step \(not run by K8Helper\): kubectl set resources deployment\/ledger/,
    );
    const chinese = await ask("checkout 下一步怎么排查");
    expect(chinese.summary).toMatch(
      /建议下一步（K8Helper 不会执行）：kubectl logs checkout-\S+ -n shop -c checkout --previous/,
    );
    const plain = await ask("why is ledger crashing?");
    expect(plain.summary).toContain("OOMKilled");
    expect(plain.summary).not.toContain("Suggested next step");
  });

  it("a node's own usage is the node's row, not the pods", async () => {
    const answer = await ask("how much cpu is demo-worker-1 using");
    expect(answer.calls).toEqual([
      expect.objectContaining({ tool: "top", args: expect.objectContaining({ kind: "nodes" }) }),
    ]);
    expect(answer.summary).toContain("demo-worker-1");
  });

  it("the node asked for by role is described, not asked for its node", async () => {
    const answer = await ask("which node is the control plane");
    expect(answer.calls.map((call) => ({ tool: call.tool, args: call.args }))).toEqual([
      { tool: "describe_resource", args: { kind: "nodes", name: "demo-control-plane" } },
    ]);
  });

  it("the previous image is in the rollout history", async () => {
    for (const text of ["what image did api-gateway run before", "api-gateway 上一个版本的镜像是什么"]) {
      const answer = await ask(text);
      expect(answer.calls[0]?.tool, text).toBe("rollout_status");
      expect(textOf(answer), text).toContain("api-gateway:1.4.2");
    }
  });
});
