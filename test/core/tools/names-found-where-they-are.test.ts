import { describe, expect, it } from "vitest";
import { writeYaml } from "../../../src/adapters/format/yaml-writer.js";
import type { KubeObject } from "../../../src/core/ports.js";
import { redactText } from "../../../src/core/redact.js";
import type { ToolContext } from "../../../src/core/tools/define-tool.js";
import { describeResource } from "../../../src/core/tools/describe-resource.js";
import { diagnose } from "../../../src/core/tools/diagnose.js";
import { getEvents } from "../../../src/core/tools/get-events.js";
import { getResources } from "../../../src/core/tools/get-resources.js";
import { codedFailure } from "../../helpers/coded-failure.js";
import { createFakeCluster, object } from "../../helpers/fake-cluster.js";

// Generated over names: an object is found by its own pods' names, by the end of a pod's name, where it is rather
// than where it was said to be, and a missing one is answered with the few that exist.
const WORKLOADS = ["api", "checkout", "orders-v2"];
const NOW = Date.parse("2026-12-03T10:00:00Z");

function pod(namespace: string, name: string, ready: boolean): KubeObject {
  return object("Pod", namespace, name, {
    spec: { nodeName: "demo-worker-1", containers: [{ name: "app", image: "app:1" }] },
    status: {
      phase: "Running",
      conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
      containerStatuses: [
        {
          name: "app",
          ready,
          restartCount: ready ? 0 : 4,
          ...(ready ? {} : { state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 5m0s" } } }),
        },
      ],
    },
  });
}

function contextWith(objects: KubeObject[]): ToolContext {
  return {
    cluster: createFakeCluster({ objects }),
    scope: {},
    redact: redactText,
    toYaml: writeYaml,
    clock: { now: () => NOW },
  };
}

function clusterFor(workload: string): KubeObject[] {
  const event = (involved: KubeObject, reason: string) =>
    object("Event", involved.metadata.namespace, `${involved.metadata.name}.1`, {
      involvedObject: {
        kind: involved.kind,
        name: involved.metadata.name,
        namespace: involved.metadata.namespace,
      },
      reason,
      type: reason === "BackOff" ? "Warning" : "Normal",
      message: reason,
      lastTimestamp: new Date(NOW - 60_000).toISOString(),
    } as Partial<KubeObject>);
  const deployment = object("Deployment", "edge", workload, {
    spec: { replicas: 1, template: { spec: { serviceAccountName: `${workload}-sa`, containers: [] } } },
    status: { replicas: 1, readyReplicas: 1, availableReplicas: 1 },
  });
  const own = pod("edge", `${workload}-l967r7x897-b5c7k`, false);
  // A longer name that shares the prefix: its pods are not the workload's.
  const other = pod("edge", `${workload}-gateway-szfdnzcr7r-2tz7m`, true);
  return [
    object("Namespace", undefined, "edge"),
    object("Namespace", undefined, "payments"),
    deployment,
    own,
    other,
    event(deployment, "ScalingReplicaSet"),
    event(own, "BackOff"),
  ];
}

describe("names found where they are", () => {
  for (const workload of WORKLOADS)
    it(workload, async () => {
      const context = contextWith(clusterFor(workload));
      const events = await getEvents.run(context, { name: workload });
      expect(events.facts).toMatchObject({ count: 2, warnings: 1 });
      const bySuffix = await describeResource.run(context, { kind: "pods", name: "b5c7k" });
      expect(bySuffix.facts).toMatchObject({ name: `${workload}-l967r7x897-b5c7k` });
      const account = await describeResource.run(context, { kind: "deployments", name: workload });
      expect(JSON.stringify(account.facts.lines)).toContain(`${workload}-sa`);
      // Said to be in payments, it is in edge: diagnosed there, and the answer says so.
      const moved = await diagnose.run(context, { name: workload, namespace: "payments" });
      expect(moved.notes).toContain(`No ${workload} in payments; diagnosed where it is`);
      expect(moved.facts.namespace).not.toBe("payments");
      expect(JSON.stringify(moved.facts)).toContain(`edge/${workload}`);
      const missing = await codedFailure(
        getResources.run(context, { kind: "deployments", name: "zzz-nothing", namespace: "edge" }),
      );
      expect(missing.message).toContain(`the ones that exist: ${workload}`);
    });
});

// "does the fast-ssd storage class exist?": no, and the claims that ask for it (Pending because of it) are named.
describe.each(["fast-ssd", "gold", "ssd.premium-2"])("a missing storage class %s", (storageClass) => {
  const claim = (namespace: string, name: string, className: string, phase: string) =>
    object("PersistentVolumeClaim", namespace, name, {
      spec: { storageClassName: className, resources: { requests: { storage: "1Gi" } } },
      status: { phase },
    });
  const objects = [
    object("Namespace", undefined, "data"),
    object("Namespace", undefined, "edge"),
    object("StorageClass", undefined, "standard", {
      provisioner: "rancher.io/local-path",
    } as Partial<KubeObject>),
    claim("data", "scratch", storageClass, "Pending"),
    claim("edge", "cache", storageClass, "Pending"),
    claim("data", "db", "standard", "Bound"),
  ];
  it("is not found, with the classes that exist and the claims asking for it", async () => {
    const missing = await codedFailure(
      getResources.run(contextWith(objects), { kind: "storageclasses", name: storageClass }),
    );
    expect(missing.code).toBe("not_found");
    expect(missing.message).toContain("the ones that exist: standard");
    expect(missing.message).toContain("data/scratch (Pending)");
    expect(missing.message).toContain("edge/cache (Pending)");
    expect(missing.message).not.toContain("data/db");
  });
  it("and no claim is named when none asks for it", async () => {
    const missing = await codedFailure(
      getResources.run(contextWith(objects.slice(0, 3)), { kind: "storageclasses", name: storageClass }),
    );
    expect(missing.message).not.toContain("asked for by");
  });
});

// "does the shop ingress have TLS": a namespace's name, where no object of the kind bears it, is the one object of
// that kind in the namespace; with two there, the name stays unresolved.
describe.each(["shop", "edge", "team-a"])("the %s ingress", (namespace) => {
  const ingress = (name: string) =>
    object("Ingress", namespace, name, {
      spec: { tls: [{ hosts: [`${name}.example.com`], secretName: `${name}-tls` }] },
    });
  const objects = [object("Namespace", undefined, namespace), object("Namespace", undefined, "other")];
  it("is the only ingress there", async () => {
    const read = await describeResource.run(contextWith([...objects, ingress("frontend")]), {
      kind: "ingresses",
      name: namespace,
    });
    expect(read.facts).toMatchObject({ name: "frontend", namespace });
    expect(read.notes?.join(" ")).toContain(`frontend is the only ingress in namespace ${namespace}`);
  });
  it("is not guessed among two", async () => {
    const missing = await codedFailure(
      describeResource.run(contextWith([...objects, ingress("frontend"), ingress("admin")]), {
        kind: "ingresses",
        name: namespace,
      }),
    );
    expect(missing.code).toBe("not_found");
  });
  it("is not looked for in a namespace outside the scope", async () => {
    const context = { ...contextWith([...objects, ingress("frontend")]), scope: { namespaces: ["other"] } };
    const missing = await codedFailure(describeResource.run(context, { kind: "ingresses", name: namespace }));
    expect(missing.code).not.toBe(undefined);
    expect(JSON.stringify(missing)).not.toContain("frontend.example.com");
  });
});

// "is shop.example.com routed to anything healthy?": an ingress or service described says how many pods behind it
// are ready, linked by its backends and selector, never by name.
describe.each([
  ["web", 2, 2],
  ["orders-v2", 1, 3],
  ["api", 0, 1],
])("what stands behind service %s", (service, ready, pods) => {
  const backend = (index: number) =>
    object("Pod", "team-a", `${service}-7d9f8-${"bcdfg"[index]}x2k9`, {
      metadata: {
        name: `${service}-7d9f8-${"bcdfg"[index]}x2k9`,
        namespace: "team-a",
        labels: { app: service },
      },
      status: { phase: "Running", conditions: [{ type: "Ready", status: index < ready ? "True" : "False" }] },
    } as Partial<KubeObject>);
  // A pod whose name shares the prefix but that the selector does not pick.
  const lookalike = object("Pod", "team-a", `${service}-gateway-1`, {
    metadata: { name: `${service}-gateway-1`, namespace: "team-a", labels: { app: `${service}-gateway` } },
    status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] },
  } as Partial<KubeObject>);
  const objects = [
    object("Namespace", undefined, "team-a"),
    object("Service", "team-a", service, { spec: { selector: { app: service }, ports: [{ port: 80 }] } }),
    object("Ingress", "team-a", `${service}-public`, {
      spec: {
        rules: [
          {
            host: `${service}.example.com`,
            http: { paths: [{ path: "/", backend: { service: { name: service, port: { number: 80 } } } }] },
          },
        ],
      },
    }),
    ...Array.from({ length: pods }, (_, index) => backend(index)),
    lookalike,
  ];
  it("described as a service", async () => {
    const read = await describeResource.run(contextWith(objects), { kind: "services", name: service });
    expect(read.facts.headline).toContain(`${ready}/${pods} pods behind it ready`);
  });
  it("its endpoints listed by name follow the service to its pods", async () => {
    const withEndpoints = [...objects, object("Endpoints", "team-a", service)];
    const read = await getResources.run(contextWith(withEndpoints), { kind: "endpoints", name: service });
    const behind = read.parts.find((part) => part.title.startsWith(`Pods behind service team-a/${service}`));
    expect(behind?.type === "table" && behind.rows.length).toBe(pods);
  });
  it("described as the ingress serving its host", async () => {
    const read = await describeResource.run(contextWith(objects), {
      kind: "ingresses",
      name: `${service}.example.com`,
    });
    expect(read.facts.headline).toContain(`Behind it: service ${service}, ${ready}/${pods} pods ready`);
    expect(read.facts.headline_zh).toContain(`${ready}/${pods} 个 pod 就绪`);
  });
});
