import type { KubeObject } from "../../core/ports.js";
import { configMap, event, namespace, service, serviceAccount } from "./cluster-objects.js";
import type { SampleNode } from "./nodes.js";
import { buildPod, type ContainerPlan } from "./pod-factory.js";
import { day, type SampleContext } from "./sample-context.js";
import { daemonSet } from "./stateful-workloads.js";
import { deployment } from "./workloads.js";

const clusterAge = 45 * day;

function controlPlanePod(
  ctx: SampleContext,
  node: SampleNode,
  component: string,
  container: ContainerPlan,
): KubeObject {
  return buildPod(ctx, {
    name: `${component}-${node.name}`,
    namespace: "kube-system",
    labels: { component, tier: "control-plane" },
    annotations: {
      "kubernetes.io/config.source": "file",
      "kubernetes.io/config.hash": "8f1c5a2e7b9d4c3f0a6e2b1d9c8f7a6e",
    },
    owner: { apiVersion: "v1", kind: "Node", metadata: { name: node.name, uid: `node-${node.name}` } },
    node,
    containers: [container],
    health: "running",
    createdAgo: clusterAge - 60,
    restarts: 1,
  });
}

/** kube-system: the control plane, CoreDNS, kube-proxy on every node and metrics-server. */
export function buildKubeSystem(ctx: SampleContext, nodes: SampleNode[]): KubeObject[] {
  namespace(ctx, "kube-system", clusterAge);
  namespace(ctx, "kube-public", clusterAge);
  namespace(ctx, "kube-node-lease", clusterAge);
  const [controlPlane, worker1] = nodes;
  const lostNodes = nodes.filter((n) => n.condition === "NotReady").map((n) => n.name);
  const image = (name: string, tag: string) => `registry.k8s.io/${name}:${tag}`;
  const pods: KubeObject[] = [
    controlPlanePod(ctx, controlPlane, "etcd", {
      name: "etcd",
      image: image("etcd", "3.5.16-0"),
      command: ["etcd", "--data-dir=/var/lib/etcd"],
      resources: { requests: { cpu: "100m", memory: "100Mi" } },
    }),
    controlPlanePod(ctx, controlPlane, "kube-apiserver", {
      name: "kube-apiserver",
      image: image("kube-apiserver", "v1.32.4"),
      resources: { requests: { cpu: "250m" } },
    }),
    controlPlanePod(ctx, controlPlane, "kube-controller-manager", {
      name: "kube-controller-manager",
      image: image("kube-controller-manager", "v1.32.4"),
      resources: { requests: { cpu: "200m" } },
    }),
    controlPlanePod(ctx, controlPlane, "kube-scheduler", {
      name: "kube-scheduler",
      image: image("kube-scheduler", "v1.32.4"),
      resources: { requests: { cpu: "100m" } },
    }),
  ];
  const coredns = deployment(ctx, {
    namespace: "kube-system",
    name: "coredns",
    labels: { "k8s-app": "kube-dns" },
    replicas: 2,
    containers: [
      {
        name: "coredns",
        image: image("coredns/coredns", "v1.11.3"),
        args: ["-conf", "/etc/coredns/Corefile"],
        ports: [
          { containerPort: 53, name: "dns", protocol: "UDP" },
          { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
          { containerPort: 9153, name: "metrics", protocol: "TCP" },
        ],
        resources: { requests: { cpu: "100m", memory: "70Mi" }, limits: { memory: "170Mi" } },
      },
    ],
    podHealth: ["running", "running"],
    nodes: [controlPlane, worker1],
    createdAgo: clusterAge - 30,
    serviceAccountName: "coredns",
  });
  serviceAccount(ctx, "kube-system", "coredns", clusterAge);
  const proxy = daemonSet(ctx, {
    namespace: "kube-system",
    name: "kube-proxy",
    replicas: nodes.length,
    containers: [
      {
        name: "kube-proxy",
        image: image("kube-proxy", "v1.32.4"),
        command: [
          "/usr/local/bin/kube-proxy",
          "--config=/var/lib/kube-proxy/config.conf",
          "--hostname-override=$(NODE_NAME)",
        ],
      },
    ],
    podHealth: nodes.map(() => "running"),
    nodes,
    lostNodes,
    createdAgo: clusterAge - 30,
    serviceAccountName: "kube-proxy",
    hostNetwork: true,
  });
  serviceAccount(ctx, "kube-system", "kube-proxy", clusterAge);
  const metrics = deployment(ctx, {
    namespace: "kube-system",
    name: "metrics-server",
    labels: { "k8s-app": "metrics-server" },
    replicas: 1,
    containers: [
      {
        name: "metrics-server",
        image: image("metrics-server/metrics-server", "v0.7.2"),
        args: ["--cert-dir=/tmp", "--secure-port=10250", "--kubelet-preferred-address-types=InternalIP"],
        ports: [{ containerPort: 10250, name: "https", protocol: "TCP" }],
        resources: { requests: { cpu: "100m", memory: "200Mi" } },
      },
    ],
    podHealth: ["running"],
    nodes: [worker1],
    createdAgo: clusterAge - 600,
    serviceAccountName: "metrics-server",
  });
  serviceAccount(ctx, "kube-system", "metrics-server", clusterAge);
  pods.push(...coredns.pods, ...proxy.pods, ...metrics.pods);
  service(ctx, {
    namespace: "kube-system",
    name: "kube-dns",
    selector: { "k8s-app": "kube-dns" },
    clusterIP: "10.96.0.10",
    ports: [
      { name: "dns", port: 53, protocol: "UDP" },
      { name: "dns-tcp", port: 53 },
      { name: "metrics", port: 9153 },
    ],
    createdAgo: clusterAge,
    pods,
  });
  service(ctx, {
    namespace: "kube-system",
    name: "metrics-server",
    selector: { app: "metrics-server" },
    ports: [{ name: "https", port: 443, targetPort: 10250 }],
    createdAgo: clusterAge - 600,
    pods,
  });
  configMap(
    ctx,
    "kube-system",
    "coredns",
    {
      Corefile:
        ".:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n",
    },
    clusterAge,
  );
  configMap(
    ctx,
    "kube-system",
    "kube-proxy",
    {
      "config.conf":
        "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: iptables\nclusterCIDR: 10.244.0.0/16\n",
    },
    clusterAge,
  );
  for (const pod of proxy.pods.filter((p) =>
    lostNodes.includes(String((p.spec as { nodeName?: string }).nodeName)),
  )) {
    event(ctx, pod, {
      type: "Warning",
      reason: "NodeNotReady",
      message: "Node is not ready",
      component: "node-controller",
      firstAgo: 44 * 60,
    });
  }
  return pods;
}
