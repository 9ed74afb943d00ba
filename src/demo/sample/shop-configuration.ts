import { canary } from "./canaries.js";
import { configMap, secret } from "./cluster-objects.js";
import { addObject, day, objectMeta, type SampleContext } from "./sample-context.js";

const ns = "shop";

/** shop's configuration and traffic: config maps (one with a token), the DB secret, ingress, autoscalers, PDB. */
export function buildShopConfiguration(ctx: SampleContext): void {
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
}
