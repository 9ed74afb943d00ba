import type { KubeObject } from "../../core/ports.js";
import { cronJob } from "./batch-workloads.js";
import { canary } from "./canaries.js";
import { configMap, event, namespace, secret, service } from "./cluster-objects.js";
import { postgresLog, setLog, timed } from "./log-texts.js";
import type { SampleNode } from "./nodes.js";
import { day, hour, minute, type SampleContext } from "./sample-context.js";
import { statefulSet } from "./stateful-workloads.js";
import { boundClaim, pendingClaim } from "./storage-objects.js";

const small = { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } };

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
