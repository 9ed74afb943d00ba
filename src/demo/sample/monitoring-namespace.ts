import type { KubeObject } from "../../core/ports.js";
import { canary } from "./canaries.js";
import { configMap, namespace, secret, service, serviceAccount } from "./cluster-objects.js";
import type { SampleNode } from "./nodes.js";
import { addObject, day, objectMeta, type SampleContext } from "./sample-context.js";
import { daemonSet, statefulSet } from "./stateful-workloads.js";
import { boundClaim } from "./storage-objects.js";
import { deployment } from "./workloads.js";

const small = { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } };

/** monitoring: Prometheus, Alertmanager, Grafana and node-exporter on every node. */
export function buildMonitoring(ctx: SampleContext, nodes: SampleNode[]): KubeObject[] {
  const ns = "monitoring";
  namespace(ctx, ns, 40 * day);
  const workers = nodes.filter((n) => n.role === "worker" && n.condition !== "NotReady");
  const lostNodes = nodes.filter((n) => n.condition === "NotReady").map((n) => n.name);
  const prometheus = statefulSet(ctx, {
    namespace: ns,
    name: "prometheus",
    replicas: 1,
    nodes: [workers[0]],
    createdAgo: 40 * day,
    podHealth: ["running"],
    serviceAccountName: "prometheus",
    volumeClaimTemplates: [
      {
        metadata: { name: "prometheus-data" },
        spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "50Gi" } } },
      },
    ],
    containers: [
      {
        name: "prometheus",
        image: "quay.io/prometheus/prometheus:v3.0.1",
        ports: [{ containerPort: 9090, name: "web", protocol: "TCP" }],
        resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "4Gi" } },
      },
    ],
  });
  serviceAccount(ctx, ns, "prometheus", 40 * day);
  boundClaim(ctx, ns, "prometheus-data-prometheus-0", "50Gi", 40 * day, { app: "prometheus" });
  const alertmanager = statefulSet(ctx, {
    namespace: ns,
    name: "alertmanager",
    replicas: 1,
    nodes: [workers[1] ?? workers[0]],
    createdAgo: 40 * day,
    podHealth: ["running"],
    containers: [
      {
        name: "alertmanager",
        image: "quay.io/prometheus/alertmanager:v0.27.0",
        ports: [{ containerPort: 9093, name: "web", protocol: "TCP" }],
        resources: small,
      },
    ],
  });
  const grafana = deployment(ctx, {
    namespace: ns,
    name: "grafana",
    replicas: 1,
    nodes: workers,
    createdAgo: 40 * day,
    podHealth: ["running"],
    containers: [
      {
        name: "grafana",
        image: "grafana/grafana:11.4.0",
        ports: [{ containerPort: 3000, name: "http", protocol: "TCP" }],
        resources: { requests: { cpu: "100m", memory: "256Mi" } },
        env: [
          {
            name: "GF_SECURITY_ADMIN_PASSWORD",
            valueFrom: { secretKeyRef: { name: "grafana-admin", key: "password" } },
          },
        ],
      },
    ],
  });
  const exporter = daemonSet(ctx, {
    namespace: ns,
    name: "node-exporter",
    replicas: nodes.length,
    nodes,
    lostNodes,
    createdAgo: 40 * day,
    podHealth: nodes.map(() => "running"),
    containers: [
      {
        name: "node-exporter",
        image: "quay.io/prometheus/node-exporter:v1.8.2",
        ports: [{ containerPort: 9100, name: "metrics", protocol: "TCP" }],
        resources: small,
      },
    ],
  });
  const pods = [...prometheus.pods, ...alertmanager.pods, ...grafana.pods, ...exporter.pods];
  service(ctx, {
    namespace: ns,
    name: "prometheus",
    selector: { app: "prometheus" },
    ports: [{ name: "web", port: 9090 }],
    createdAgo: 40 * day,
    pods,
  });
  service(ctx, {
    namespace: ns,
    name: "alertmanager",
    selector: { app: "alertmanager" },
    ports: [{ name: "web", port: 9093 }],
    createdAgo: 40 * day,
    pods,
  });
  service(ctx, {
    namespace: ns,
    name: "grafana",
    selector: { app: "grafana" },
    ports: [{ name: "http", port: 80, targetPort: 3000 }],
    createdAgo: 40 * day,
    pods,
  });
  configMap(
    ctx,
    ns,
    "prometheus-config",
    {
      "prometheus.yml":
        "global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: node-exporter\n    kubernetes_sd_configs:\n      - role: node\n",
    },
    40 * day,
  );
  secret(ctx, ns, "grafana-admin", { user: "admin", password: canary.secretGrafana }, 40 * day);
  addObject(ctx, {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: objectMeta(ctx, "grafana", { namespace: ns, createdAgo: 40 * day }),
    spec: {
      ingressClassName: "nginx",
      rules: [
        {
          host: "grafana.example.com",
          http: {
            paths: [
              {
                path: "/",
                pathType: "Prefix",
                backend: { service: { name: "grafana", port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } },
  });
  return pods;
}
