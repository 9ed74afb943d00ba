import type { KubeObject } from "../../core/ports.js";
import { cronJob, job, scheduledJobName } from "./batch-workloads.js";
import { canary } from "./canaries.js";
import { configMap, event, namespace, secret, service } from "./cluster-objects.js";
import { migrateFailure, postgresLog, setLog, timed } from "./log-texts.js";
import type { SampleNode } from "./nodes.js";
import { addObject, day, hour, minute, objectMeta, type SampleContext } from "./sample-context.js";
import { boundClaim, pendingClaim } from "./storage-objects.js";
import { daemonSet, deployment, statefulSet } from "./workloads.js";

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

/** batch: a nightly report CronJob that works and a migration Job that failed. */
export function buildBatch(ctx: SampleContext, nodes: SampleNode[]): KubeObject[] {
  namespace(ctx, "batch", 40 * day);
  const worker = nodes.find((n) => n.role === "worker" && n.condition === "Ready")!;
  const reportContainers = [
    {
      name: "report",
      image: "registry.example.com/batch/report:1.3.0",
      args: ["--date=yesterday"],
      resources: small,
    },
  ];
  const lastRun = 9 * hour + 17 * minute;
  const cron = cronJob(ctx, {
    namespace: "batch",
    name: "report-nightly",
    schedule: "0 2 * * *",
    lastRunAgo: lastRun,
    containers: reportContainers,
    createdAgo: 40 * day,
  });
  const report = job(ctx, {
    namespace: "batch",
    name: scheduledJobName(ctx, "report-nightly", lastRun),
    containers: reportContainers,
    node: worker,
    createdAgo: lastRun,
    outcome: "complete",
    owner: cron,
  });
  (cron.status as Record<string, unknown>).active = undefined;
  const migrate = job(ctx, {
    namespace: "batch",
    name: "db-migrate",
    containers: [
      { name: "migrate", image: "registry.example.com/shop/migrations:0042", args: ["up"], resources: small },
    ],
    node: worker,
    createdAgo: 70 * minute,
    outcome: "failed",
    attempts: 2,
  });
  for (const pod of migrate.pods) {
    setLog(ctx, pod, "migrate", timed(ctx, migrateFailure, 60 * minute, 5));
    event(ctx, migrate.job, {
      type: "Normal",
      reason: "SuccessfulCreate",
      message: `Created pod: ${pod.metadata.name}`,
      component: "job-controller",
      firstAgo: 69 * minute,
    });
  }
  event(ctx, migrate.job, {
    type: "Warning",
    reason: "BackoffLimitExceeded",
    message: "Job has reached the specified backoff limit",
    component: "job-controller",
    firstAgo: 58 * minute,
  });
  ctx.faults.push({ reason: "JobFailed", kind: "Job", namespace: "batch", name: "db-migrate" });
  return [...report.pods, ...migrate.pods];
}

/** data: Postgres and Redis StatefulSets on bound volumes, and a claim stuck Pending on a missing StorageClass. */
export function buildData(ctx: SampleContext, nodes: SampleNode[]): KubeObject[] {
  namespace(ctx, "data", 40 * day);
  const workers = nodes.filter((n) => n.role === "worker" && n.condition !== "NotReady");
  const claimTemplate = (name: string, size: string) => [
    {
      metadata: { name },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: size } } },
    },
  ];
  const postgres = statefulSet(ctx, {
    namespace: "data",
    name: "postgres",
    replicas: 1,
    nodes: [workers[0]],
    createdAgo: 40 * day,
    podHealth: ["running"],
    volumeClaimTemplates: claimTemplate("data", "20Gi"),
    containers: [
      {
        name: "postgres",
        image: "postgres:16.6",
        ports: [{ containerPort: 5432, name: "postgres", protocol: "TCP" }],
        resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "1Gi" } },
        env: [
          {
            name: "POSTGRES_PASSWORD",
            valueFrom: { secretKeyRef: { name: "postgres-credentials", key: "password" } },
          },
        ],
      },
    ],
  });
  setLog(ctx, postgres.pods[0], "postgres", timed(ctx, postgresLog, 10 * minute, 3 * day));
  const redis = statefulSet(ctx, {
    namespace: "data",
    name: "redis",
    replicas: 1,
    nodes: [workers[1] ?? workers[0]],
    createdAgo: 40 * day,
    podHealth: ["running"],
    volumeClaimTemplates: claimTemplate("data", "5Gi"),
    containers: [
      {
        name: "redis",
        image: "redis:7.4.1",
        ports: [{ containerPort: 6379, name: "redis", protocol: "TCP" }],
        resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
      },
    ],
  });
  boundClaim(ctx, "data", "data-postgres-0", "20Gi", 40 * day, { app: "postgres" });
  boundClaim(ctx, "data", "data-redis-0", "5Gi", 40 * day, { app: "redis" });
  const scratch = pendingClaim(ctx, "data", "analytics-scratch", "100Gi", "fast-ssd", 3 * hour);
  event(ctx, scratch, {
    type: "Warning",
    reason: "ProvisioningFailed",
    message: 'storageclass.storage.k8s.io "fast-ssd" not found',
    component: "persistentvolume-controller",
    count: 730,
    firstAgo: 3 * hour,
    lastAgo: 15,
  });
  ctx.faults.push({
    reason: "PVCPending",
    kind: "PersistentVolumeClaim",
    namespace: "data",
    name: "analytics-scratch",
  });
  const pods = [...postgres.pods, ...redis.pods];
  service(ctx, {
    namespace: "data",
    name: "postgres",
    selector: { app: "postgres" },
    ports: [{ name: "postgres", port: 5432 }],
    clusterIP: "None",
    createdAgo: 40 * day,
    pods,
  });
  service(ctx, {
    namespace: "data",
    name: "redis",
    selector: { app: "redis" },
    ports: [{ name: "redis", port: 6379 }],
    createdAgo: 40 * day,
    pods,
  });
  secret(
    ctx,
    "data",
    "postgres-credentials",
    { username: "postgres", password: canary.secretPostgres },
    40 * day,
  );
  configMap(
    ctx,
    "data",
    "postgres-config",
    { "postgresql.conf": "max_connections = 200\nshared_buffers = 256MB\n" },
    40 * day,
  );
  cronJob(ctx, {
    namespace: "data",
    name: "backup-postgres",
    schedule: "30 3 * * *",
    createdAgo: 20 * day,
    containers: [
      {
        name: "backup",
        image: "registry.example.com/data/pg-backup:2.1.0",
        resources: small,
        env: [
          { name: "AWS_ACCESS_KEY_ID", value: "AKIAIOSFODNN7DEMO0001" },
          { name: "AWS_SECRET_ACCESS_KEY", value: canary.awsSecretKey },
          { name: "S3_BUCKET", value: "s3://demo-backups/postgres" },
        ],
      },
    ],
  });
  return pods;
}

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
    containers: [
      {
        name: "prometheus",
        image: "quay.io/prometheus/prometheus:v3.0.1",
        ports: [{ containerPort: 9090, name: "web", protocol: "TCP" }],
        resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "4Gi" } },
      },
    ],
  });
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
