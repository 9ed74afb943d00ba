import type { KubeObject } from "../../core/ports.js";
import { canary } from "./canaries.js";
import { namespace, secret, service } from "./cluster-objects.js";
import type { SampleNode } from "./nodes.js";
import { day, type SampleContext } from "./sample-context.js";
import { deployment } from "./workloads.js";

const small = { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } };

/** default: a hello-world web app, the kubernetes Service and the widget controller. */
export function buildDefault(ctx: SampleContext, nodes: SampleNode[]): KubeObject[] {
  namespace(ctx, "default", 45 * day);
  const workers = nodes.filter((n) => n.role === "worker" && n.condition === "Ready");
  const hello = deployment(ctx, {
    namespace: "default",
    name: "hello-web",
    replicas: 1,
    nodes: workers,
    createdAgo: 44 * day,
    podHealth: ["running"],
    containers: [
      {
        name: "nginx",
        image: "nginx:1.27.3",
        ports: [{ containerPort: 80, name: "http", protocol: "TCP" }],
        resources: small,
      },
    ],
  });
  const widgets = deployment(ctx, {
    namespace: "default",
    name: "widget-controller",
    replicas: 1,
    nodes: workers,
    createdAgo: 15 * day,
    podHealth: ["running"],
    containers: [
      {
        name: "manager",
        image: "ghcr.io/example/widget-controller:0.4.1",
        args: ["--leader-elect"],
        resources: small,
      },
    ],
  });
  const pods = [...hello.pods, ...widgets.pods];
  const kubernetes = service(ctx, {
    namespace: "default",
    name: "kubernetes",
    ports: [{ name: "https", port: 443, targetPort: 6443 }],
    clusterIP: "10.96.0.1",
    createdAgo: 45 * day,
    pods: [],
  });
  kubernetes.service.metadata.labels = { component: "apiserver", provider: "kubernetes" };
  kubernetes.endpoints.subsets = [
    { addresses: [{ ip: nodes[0].ip }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] },
  ];
  service(ctx, {
    namespace: "default",
    name: "hello-web",
    selector: { app: "hello-web" },
    ports: [{ name: "http", port: 80 }],
    createdAgo: 44 * day,
    pods,
  });
  secret(
    ctx,
    "default",
    "registry-pull",
    {
      ".dockerconfigjson": `{"auths":{"registry.example.com":{"username":"ci","password":"${canary.secretRegistry}","auth":"${Buffer.from(`ci:${canary.secretRegistry}`).toString("base64")}"}}}`,
    },
    44 * day,
    "kubernetes.io/dockerconfigjson",
  );
  return pods;
}
