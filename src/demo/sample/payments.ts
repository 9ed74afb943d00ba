import type { KubeObject } from "../../core/ports.js";
import { canary } from "./canaries.js";
import { configMap, event, namespace, secret, service, serviceAccount } from "./cluster-objects.js";
import { ledgerOom, paymentsApiLog, setLog, timed } from "./log-texts.js";
import type { SampleNode } from "./nodes.js";
import type { ContainerPlan } from "./pod-factory.js";
import { addObject, day, hour, minute, objectMeta, type SampleContext } from "./sample-context.js";
import { deployment } from "./workloads.js";

const ns = "payments";

const paymentsApiContainer: ContainerPlan = {
  name: "payments-api",
  image: "registry.example.com/payments/api:5.3.1",
  ports: [{ containerPort: 8443, name: "https", protocol: "TCP" }],
  resources: { requests: { cpu: "200m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
  env: [
    { name: "LOG_LEVEL", value: "debug" },
    { name: "DB_PASSWORD", value: canary.dbPassword },
    { name: "API_TOKEN", value: canary.apiToken },
    {
      name: "DATABASE_URL",
      value: `postgres://payments:${canary.urlPassword}@postgres.data.svc.cluster.local:5432/payments`,
    },
    { name: "STRIPE_SECRET_KEY", value: canary.stripeKey },
    {
      name: "LEDGER_SIGNING_KEY",
      valueFrom: { secretKeyRef: { name: "payments-api-secrets", key: "ledger-signing-key" } },
    },
  ],
};

/** What `kubectl apply` leaves behind: the whole manifest, env literals included, in an annotation. */
function lastApplied(): string {
  return JSON.stringify({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "payments-api", namespace: ns },
    spec: {
      replicas: 2,
      template: { spec: { containers: [{ name: "payments-api", env: paymentsApiContainer.env }] } },
    },
  });
}

const unschedulableMessage =
  "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had untolerated taint {node.kubernetes.io/memory-pressure: }, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 1 Insufficient cpu. preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.";

/** payments: an API with secrets in plain env, an OOM-killed ledger and a fraud detector that cannot be scheduled. */
export function buildPayments(ctx: SampleContext, nodes: SampleNode[]): KubeObject[] {
  namespace(ctx, ns, 40 * day, { team: "payments", "pod-security.kubernetes.io/enforce": "restricted" });
  const workers = nodes.filter((n) => n.role === "worker" && n.condition !== "NotReady");
  serviceAccount(ctx, ns, "payments-api", 40 * day);
  const api = deployment(ctx, {
    namespace: ns,
    name: "payments-api",
    replicas: 2,
    nodes: workers,
    createdAgo: 12 * day,
    podHealth: ["running", "running"],
    annotations: { "kubectl.kubernetes.io/last-applied-configuration": lastApplied() },
    containers: [paymentsApiContainer],
    serviceAccountName: "payments-api",
  });
  setLog(ctx, api.pods[0], "payments-api", timed(ctx, paymentsApiLog(), 30, 2 * hour));

  const ledger = deployment(ctx, {
    namespace: ns,
    name: "ledger",
    replicas: 1,
    nodes: [workers[0]],
    createdAgo: 6 * day,
    podHealth: ["oom"],
    restarts: [7],
    containers: [
      {
        name: "ledger",
        image: "registry.example.com/payments/ledger:2.14.0",
        ports: [{ containerPort: 8080, name: "http", protocol: "TCP" }],
        resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1", memory: "512Mi" } },
        env: [{ name: "JAVA_OPTS", value: "-Xmx480m" }],
      },
    ],
  });
  const ledgerPod = ledger.pods[0];
  setLog(ctx, ledgerPod, "ledger", timed(ctx, ledgerOom, 20, 40), timed(ctx, ledgerOom, 7 * minute, 40));
  event(ctx, ledgerPod, {
    type: "Warning",
    reason: "BackOff",
    message: `Back-off restarting failed container ledger in pod ${ledgerPod.metadata.name}_${ns}(${ledgerPod.metadata.uid})`,
    component: "kubelet",
    host: workers[0].name,
    count: 88,
    firstAgo: 55 * minute,
    lastAgo: 30,
    fieldPath: "spec.containers{ledger}",
  });
  event(ctx, ledgerPod, {
    type: "Normal",
    reason: "Pulled",
    message: 'Container image "registry.example.com/payments/ledger:2.14.0" already present on machine',
    component: "kubelet",
    host: workers[0].name,
    count: 8,
    firstAgo: 55 * minute,
    lastAgo: 60,
    fieldPath: "spec.containers{ledger}",
  });
  ctx.faults.push({ reason: "OOMKilled", kind: "Pod", namespace: ns, name: ledgerPod.metadata.name });

  const fraud = deployment(ctx, {
    namespace: ns,
    name: "fraud-detector",
    replicas: 1,
    nodes: workers,
    createdAgo: 2 * hour,
    podHealth: ["unschedulable"],
    schedulingMessage: unschedulableMessage,
    containers: [
      {
        name: "fraud-detector",
        image: "registry.example.com/payments/fraud-detector:0.9.0",
        resources: { requests: { cpu: "6", memory: "12Gi" }, limits: { cpu: "6", memory: "12Gi" } },
      },
    ],
  });
  const fraudPod = fraud.pods[0];
  event(ctx, fraudPod, {
    type: "Warning",
    reason: "FailedScheduling",
    message: unschedulableMessage,
    component: "default-scheduler",
    count: 27,
    firstAgo: 2 * hour - 40,
    lastAgo: 4 * minute,
  });
  ctx.faults.push({ reason: "Unschedulable", kind: "Pod", namespace: ns, name: fraudPod.metadata.name });

  const pods = [...api.pods, ...ledger.pods, ...fraud.pods];
  service(ctx, {
    namespace: ns,
    name: "payments-api",
    selector: { app: "payments-api" },
    ports: [{ name: "https", port: 8443 }],
    createdAgo: 12 * day,
    pods,
  });
  service(ctx, {
    namespace: ns,
    name: "ledger",
    selector: { app: "ledger" },
    ports: [{ name: "http", port: 8080 }],
    createdAgo: 6 * day,
    pods,
  });
  configMap(
    ctx,
    ns,
    "payments-api-config",
    {
      "application.properties": `spring.datasource.url=jdbc:postgresql://postgres.data.svc.cluster.local:5432/payments\nspring.datasource.username=payments\nspring.datasource.password=${canary.configPassword}\ncache.url=redis://:${canary.redisUrlPassword}@redis.data.svc.cluster.local:6379/0\n`,
      "features.json": '{"threeDSecure": true, "instantPayouts": false}',
    },
    12 * day,
  );
  secret(
    ctx,
    ns,
    "payments-api-secrets",
    { "stripe-key": canary.secretStripe, "ledger-signing-key": canary.secretPostgres },
    12 * day,
  );
  const policy = (name: string, spec: Record<string, unknown>) =>
    addObject(ctx, {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: objectMeta(ctx, name, { namespace: ns, createdAgo: 40 * day }),
      spec,
    });
  policy("default-deny", { podSelector: {}, policyTypes: ["Ingress"] });
  policy("allow-from-shop", {
    podSelector: { matchLabels: { app: "payments-api" } },
    policyTypes: ["Ingress"],
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } } }] }],
  });
  return pods;
}
