import type { KubeObject } from "../../core/ports.js";
import { canary } from "./canaries.js";
import { configMap, event, namespace, secret, service } from "./cluster-objects.js";
import { accessLog, checkoutCrash, frontendLog, recommendationLog, setLog, timed } from "./log-texts.js";
import type { SampleNode } from "./nodes.js";
import { addObject, day, hour, minute, objectMeta, type SampleContext } from "./sample-context.js";
import { deployment } from "./workloads.js";

const ns = "shop";
const port = (containerPort: number) => [{ containerPort, name: "http", protocol: "TCP" }];
const small = { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } };

function crashEvents(ctx: SampleContext, pod: KubeObject, node: string): void {
  const container = "spec.containers{checkout}";
  const image = "registry.example.com/shop/checkout:3.8.2";
  event(ctx, pod, {
    type: "Normal",
    reason: "Pulled",
    message: `Container image "${image}" already present on machine`,
    component: "kubelet",
    host: node,
    count: 15,
    firstAgo: 52 * minute,
    lastAgo: 4 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Normal",
    reason: "Created",
    message: "Created container: checkout",
    component: "kubelet",
    host: node,
    count: 15,
    firstAgo: 52 * minute,
    lastAgo: 4 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Normal",
    reason: "Started",
    message: "Started container checkout",
    component: "kubelet",
    host: node,
    count: 15,
    firstAgo: 52 * minute,
    lastAgo: 4 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Warning",
    reason: "BackOff",
    message: `Back-off restarting failed container checkout in pod ${pod.metadata.name}_${ns}(${pod.metadata.uid})`,
    component: "kubelet",
    host: node,
    count: 231,
    firstAgo: 50 * minute,
    lastAgo: 20,
    fieldPath: container,
  });
}

function imagePullEvents(ctx: SampleContext, pod: KubeObject, node: string, image: string): void {
  const container = "spec.containers{catalog}";
  event(ctx, pod, {
    type: "Normal",
    reason: "Scheduled",
    message: `Successfully assigned ${ns}/${pod.metadata.name} to ${node}`,
    component: "default-scheduler",
    firstAgo: 38 * minute,
  });
  event(ctx, pod, {
    type: "Normal",
    reason: "Pulling",
    message: `Pulling image "${image}"`,
    component: "kubelet",
    host: node,
    count: 11,
    firstAgo: 38 * minute,
    lastAgo: 3 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Warning",
    reason: "Failed",
    message: `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`,
    component: "kubelet",
    host: node,
    count: 11,
    firstAgo: 38 * minute,
    lastAgo: 3 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Warning",
    reason: "Failed",
    message: "Error: ErrImagePull",
    component: "kubelet",
    host: node,
    count: 11,
    firstAgo: 38 * minute,
    lastAgo: 3 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Normal",
    reason: "BackOff",
    message: `Back-off pulling image "${image}"`,
    component: "kubelet",
    host: node,
    count: 160,
    firstAgo: 38 * minute,
    lastAgo: 40,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Warning",
    reason: "Failed",
    message: "Error: ImagePullBackOff",
    component: "kubelet",
    host: node,
    count: 160,
    firstAgo: 38 * minute,
    lastAgo: 40,
    fieldPath: container,
  });
}

/** shop: a storefront with a crash-looping checkout, a bad image tag and a model-less recommender. */
export function buildShop(ctx: SampleContext, nodes: SampleNode[]): KubeObject[] {
  namespace(ctx, ns, 40 * day, { team: "storefront" });
  const workers = nodes.filter((n) => n.role === "worker" && n.condition !== "NotReady");
  const frontend = deployment(ctx, {
    namespace: ns,
    name: "frontend",
    replicas: 2,
    nodes: workers,
    createdAgo: 30 * day,
    podHealth: ["running", "running"],
    labels: { tier: "web" },
    podAnnotations: { "kubectl.kubernetes.io/default-container": "frontend" },
    containers: [
      {
        name: "frontend",
        image: "registry.example.com/shop/frontend:4.2.0",
        ports: port(8080),
        resources: small,
        env: [{ name: "CATALOG_URL", value: "http://catalog.shop.svc.cluster.local:8080" }],
      },
      {
        name: "envoy",
        image: "envoyproxy/envoy:v1.31.2",
        ports: [{ containerPort: 9901, name: "admin", protocol: "TCP" }],
        resources: { requests: { cpu: "50m", memory: "64Mi" } },
      },
    ],
  });
  const envoyLog = [
    "[info][main] starting main dispatch loop",
    "[info][upstream] cds: add 3 cluster(s)",
    "[info][config] all clusters initialized",
  ];
  for (const pod of frontend.pods) setLog(ctx, pod, "envoy", timed(ctx, envoyLog, 2 * day, 10));
  setLog(ctx, frontend.pods[0], "frontend", timed(ctx, frontendLog(ctx), 5, 20 * minute));
  setLog(
    ctx,
    frontend.pods[1],
    "frontend",
    timed(ctx, accessLog(ctx, 30, ["/", "/cart", "/products/7"]), 3, 20 * minute),
  );

  const checkout = deployment(ctx, {
    namespace: ns,
    name: "checkout",
    replicas: 3,
    nodes: workers,
    createdAgo: 21 * day,
    podHealth: ["running", "running", "crashloop"],
    restarts: [0, 0, 14],
    labels: { tier: "backend" },
    annotations: { "deploy.example.com/webhook-token": canary.annotationToken },
    containers: [
      {
        name: "checkout",
        image: "registry.example.com/shop/checkout:3.8.2",
        ports: port(8080),
        resources: small,
        env: [
          { name: "CART_URL", value: "http://cart.shop.svc.cluster.local:8080" },
          { name: "CONFIG_PATH", value: "/etc/checkout/config.yaml" },
          { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "checkout-db", key: "password" } } },
        ],
        livenessProbe: {
          httpGet: { path: "/healthz", port: 8080, scheme: "HTTP" },
          periodSeconds: 10,
          failureThreshold: 3,
        },
      },
    ],
  });
  const crashing = checkout.pods[2];
  const crashNode = String((crashing.spec as { nodeName: string }).nodeName);
  setLog(
    ctx,
    crashing,
    "checkout",
    timed(ctx, checkoutCrash, 4 * minute, 2),
    timed(ctx, checkoutCrash, 9 * minute, 2),
  );
  crashEvents(ctx, crashing, crashNode);
  ctx.faults.push({ reason: "CrashLoopBackOff", kind: "Pod", namespace: ns, name: crashing.metadata.name });
  ctx.faults.push({ reason: "DeploymentUnavailable", kind: "Deployment", namespace: ns, name: "checkout" });

  const cart = deployment(ctx, {
    namespace: ns,
    name: "cart",
    replicas: 2,
    nodes: workers,
    createdAgo: 30 * day,
    podHealth: ["running", "running"],
    labels: { tier: "backend" },
    containers: [
      {
        name: "cart",
        image: "registry.example.com/shop/cart:1.12.0",
        ports: port(8080),
        resources: small,
        env: [{ name: "REDIS_ADDR", value: "redis.data.svc.cluster.local:6379" }],
      },
    ],
  });

  const badImage = "registry.example.com/shop/catalog:v2.4.0-rc1";
  const catalog = deployment(ctx, {
    namespace: ns,
    name: "catalog",
    replicas: 1,
    nodes: workers,
    createdAgo: 38 * minute + 40,
    podHealth: ["imagepull"],
    labels: { tier: "backend" },
    containers: [{ name: "catalog", image: badImage, ports: port(8080), resources: small }],
  });
  imagePullEvents(
    ctx,
    catalog.pods[0],
    String((catalog.pods[0].spec as { nodeName: string }).nodeName),
    badImage,
  );
  ctx.faults.push({
    reason: "ImagePullBackOff",
    kind: "Pod",
    namespace: ns,
    name: catalog.pods[0].metadata.name,
  });

  const recommendation = deployment(ctx, {
    namespace: ns,
    name: "recommendation",
    replicas: 1,
    nodes: [workers[0]],
    createdAgo: 3 * hour,
    podHealth: ["readiness-failing"],
    labels: { tier: "backend" },
    containers: [
      {
        name: "recommendation",
        image: "registry.example.com/shop/recommendation:7.0.1",
        ports: port(8080),
        resources: small,
        readinessProbe: {
          httpGet: { path: "/healthz/ready", port: 8080, scheme: "HTTP" },
          periodSeconds: 10,
          failureThreshold: 3,
          timeoutSeconds: 1,
        },
      },
    ],
  });
  const recPod = recommendation.pods[0];
  setLog(ctx, recPod, "recommendation", timed(ctx, recommendationLog, 10, 3 * hour));
  event(ctx, recPod, {
    type: "Warning",
    reason: "Unhealthy",
    message: "Readiness probe failed: HTTP probe failed with statuscode: 503",
    component: "kubelet",
    host: workers[0].name,
    count: 1062,
    firstAgo: 3 * hour - 60,
    lastAgo: 8,
    fieldPath: "spec.containers{recommendation}",
  });
  ctx.faults.push({ reason: "ReadinessProbeFailed", kind: "Pod", namespace: ns, name: recPod.metadata.name });

  const pods = [...frontend.pods, ...checkout.pods, ...cart.pods, ...catalog.pods, ...recommendation.pods];
  const svc = (name: string, extra: Partial<Parameters<typeof service>[1]> = {}) =>
    service(ctx, {
      namespace: ns,
      name,
      selector: { app: name },
      ports: [{ name: "http", port: 8080 }],
      createdAgo: 30 * day,
      pods,
      ...extra,
    });
  svc("frontend", {
    type: "LoadBalancer",
    ports: [{ name: "http", port: 80, targetPort: 8080, nodePort: 31380 }],
    loadBalancerIP: "203.0.113.10",
  });
  svc("checkout");
  svc("cart");
  svc("catalog");
  svc("recommendation");
  ctx.faults.push({ reason: "ServiceNoEndpoints", kind: "Service", namespace: ns, name: "recommendation" });

  configMap(
    ctx,
    ns,
    "checkout-config",
    {
      "config.yaml": `cart:\n  url: http://cart.shop.svc.cluster.local:8080\npaymentGateway:\n  endpoint: payments-api.payments.svc.cluster.local:8443\n  paymentGatewayToken: ${canary.gatewayToken}\n`,
    },
    21 * day,
  );
  configMap(
    ctx,
    ns,
    "frontend-nginx",
    { "default.conf": "server {\n  listen 8080;\n  location / { root /usr/share/nginx/html; }\n}\n" },
    30 * day,
  );
  secret(ctx, ns, "checkout-db", { username: "checkout", password: canary.secretPostgres }, 21 * day);
  addObject(ctx, {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: objectMeta(ctx, "frontend", {
      namespace: ns,
      createdAgo: 30 * day,
      annotations: { "cert-manager.io/cluster-issuer": "letsencrypt" },
    }),
    spec: {
      ingressClassName: "nginx",
      tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }],
      rules: [
        {
          host: "shop.example.com",
          http: {
            paths: [
              {
                path: "/",
                pathType: "Prefix",
                backend: { service: { name: "frontend", port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } },
  });
  const hpa = (name: string, min: number, max: number, current: number, replicas: number) =>
    addObject(ctx, {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: objectMeta(ctx, name, { namespace: ns, createdAgo: 20 * day }),
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
        minReplicas: min,
        maxReplicas: max,
        metrics: [
          {
            type: "Resource",
            resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
          },
        ],
      },
      status: {
        currentReplicas: replicas,
        desiredReplicas: replicas,
        currentMetrics: [
          {
            type: "Resource",
            resource: { name: "cpu", current: { averageUtilization: current, averageValue: "45m" } },
          },
        ],
      },
    });
  hpa("frontend", 2, 6, 45, 2);
  hpa("checkout", 3, 10, 38, 3);
  addObject(ctx, {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: objectMeta(ctx, "checkout", { namespace: ns, createdAgo: 21 * day }),
    spec: { minAvailable: 2, selector: { matchLabels: { app: "checkout" } } },
    status: {
      currentHealthy: 2,
      desiredHealthy: 2,
      disruptionsAllowed: 0,
      expectedPods: 3,
      observedGeneration: 1,
    },
  });
  return pods;
}
