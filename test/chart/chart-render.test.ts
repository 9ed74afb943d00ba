import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { parseAlertRoutes } from "../../src/config/alert-routes.js";
import { parseChannelScopes } from "../../src/config/channels.js";
import { SHUTDOWN_DEADLINE_MS } from "../../src/main.js";
import { type KubeManifest, renderChart, validateValues } from "./go-template/render-chart.js";

const CHART = "chart/k8helper";

type Container = {
  name: string;
  image: string;
  ports: { name: string; containerPort: number }[];
  env: { name: string; value?: string }[];
  envFrom: { secretRef: { name: string } }[];
  securityContext: Record<string, unknown>;
  livenessProbe: Record<string, unknown>;
  readinessProbe: Record<string, unknown>;
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
};
type PodSpec = {
  serviceAccountName: string;
  securityContext: Record<string, unknown>;
  containers: Container[];
  volumes: { name: string; emptyDir?: unknown; configMap?: { name: string } }[];
};
type Deployment = KubeManifest & {
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string>; annotations: Record<string, string> };
      spec: PodSpec;
    };
  };
};

function find<T = KubeManifest>(objects: KubeManifest[], kind: string, name?: string): T {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name ?? ""}, found ${found.length}`);
  return found[0] as T;
}

function app(objects: KubeManifest[]): Container {
  return find<Deployment>(objects, "Deployment", "k8helper").spec.template.spec.containers[0];
}

function envOf(container: Container): Record<string, string | undefined> {
  return Object.fromEntries(container.env.map((e) => [e.name, e.value]));
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

describe("the Helm chart, rendered", () => {
  it("validates its own values.yaml against values.schema.json", () => {
    const values = parseYaml(readFileSync(`${CHART}/values.yaml`, "utf8"));
    expect(validateValues(CHART, values)).toEqual([]);
  });

  it("renders the default install: valid objects with DNS-label names in the release namespace", () => {
    const { objects } = renderChart(CHART, { namespace: "ops" });
    expect(objects.map((o) => o.kind).sort()).toEqual(
      [
        "ClusterRole",
        "ClusterRoleBinding",
        "ConfigMap",
        "Deployment",
        "Secret",
        "Service",
        "ServiceAccount",
      ].sort(),
    );
    for (const object of objects) {
      expect(object.apiVersion).toMatch(/^([a-z0-9.]+\/)?v\d/);
      expect(object.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
      expect(object.metadata.labels?.["app.kubernetes.io/managed-by"]).toBe("Helm");
      if (!object.kind.startsWith("Cluster")) expect(object.metadata.namespace).toBe("ops");
    }
  });

  it("runs the pod locked down: non-root, read-only root, no capabilities, seccomp, only /tmp writable", () => {
    const { objects } = renderChart(CHART);
    const pod = find<Deployment>(objects, "Deployment", "k8helper").spec.template.spec;
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    const container = pod.containers[0];
    expect(container.securityContext).toMatchObject({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(container.securityContext.capabilities).not.toHaveProperty("add");
    const writable = container.volumeMounts.filter((m) => !m.readOnly);
    expect(writable.map((m) => m.mountPath)).toEqual(["/tmp"]);
    expect(pod.volumes.find((v) => v.name === writable[0].name)?.emptyDir).toBeDefined();
    expect(container.resources.requests).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
    expect(container.resources.limits?.memory).toBeDefined();
  });

  it("sizes V8's old space from the memory limit (half of it) and gives SIGTERM more than the process's deadline", () => {
    const heap = (memory?: string) => {
      const resources = { limits: { memory: memory ?? null } };
      return envOf(app(renderChart(CHART, { values: { resources } }).objects)).NODE_OPTIONS;
    };
    const defaults = renderChart(CHART).objects;
    const limit = app(defaults).resources.limits?.memory;
    expect(limit).toBe("384Mi");
    expect(envOf(app(defaults)).NODE_OPTIONS).toBe("--max-old-space-size=192");
    expect(heap("1Gi")).toBe("--max-old-space-size=512");
    expect(heap("600Mi")).toBe("--max-old-space-size=300");
    expect(heap()).toBeUndefined();
    const pod = find<Deployment>(defaults, "Deployment", "k8helper").spec.template.spec as PodSpec & {
      terminationGracePeriodSeconds: number;
    };
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(SHUTDOWN_DEADLINE_MS);
  });

  it("wires the pod to its ServiceAccount, Secret, ConfigMap and Service", () => {
    const { objects } = renderChart(CHART);
    const deployment = find<Deployment>(objects, "Deployment", "k8helper");
    const pod = deployment.spec.template.spec;
    expect(pod.serviceAccountName).toBe(find(objects, "ServiceAccount").metadata.name);
    expect(pod.containers[0].envFrom[0].secretRef.name).toBe(find(objects, "Secret").metadata.name);
    const configMap = find<KubeManifest & { data: Record<string, string> }>(objects, "ConfigMap");
    expect(pod.volumes.find((v) => v.configMap)?.configMap?.name).toBe(configMap.metadata.name);
    expect(envOf(pod.containers[0]).K8HELPER_CHANNELS).toBe(
      `/etc/k8helper/${Object.keys(configMap.data)[0]}`,
    );
    expect(selects(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(
      true,
    );
    const service = find<
      KubeManifest & { spec: { selector: Record<string, string>; ports: { targetPort: string }[] } }
    >(objects, "Service");
    expect(selects(service.spec.selector, deployment.spec.template.metadata.labels)).toBe(true);
    expect(pod.containers[0].ports.map((p) => p.name)).toContain(service.spec.ports[0].targetPort);
    expect(envOf(pod.containers[0])).toMatchObject({
      HOST: "0.0.0.0",
      PORT: "8080",
      K8HELPER_STRICT_RBAC: "true",
    });
  });

  it("probes health and readiness from inside the pod when the API listens on loopback only (no token)", () => {
    const container = app(renderChart(CHART).objects);
    const liveness = container.livenessProbe as { exec: { command: string[] } };
    const readiness = container.readinessProbe as { exec: { command: string[] } };
    expect(liveness.exec.command.slice(0, 2)).toEqual(["node", "-e"]);
    expect(liveness.exec.command[2]).toContain("http://127.0.0.1:8080/api/v1/health");
    expect(readiness.exec.command[2]).toContain("http://127.0.0.1:8080/api/v1/ready");
  });

  it("probes over HTTP once an API token lets the server listen on the pod's address", () => {
    const container = app(renderChart(CHART, { values: { secrets: { apiToken: "t0ken" } } }).objects);
    expect(container.livenessProbe).toMatchObject({ httpGet: { path: "/api/v1/health", port: "http" } });
    expect(container.readinessProbe).toMatchObject({ httpGet: { path: "/api/v1/ready", port: "http" } });
  });

  it("exposes the alerts endpoint when enabled: its token from the Secret, its routes from values, parsed as the app parses them", () => {
    const routes = {
      default: "C0123ABCD",
      routes: [{ match: { severity: "critical" }, channel: "C0789ABCD" }],
    };
    const { objects } = renderChart(CHART, {
      values: {
        alerts: { enabled: true, routes },
        secrets: { alertsToken: "alert-t0ken", apiToken: "t0ken" },
      },
    });
    const secret = find<KubeManifest & { stringData: Record<string, string> }>(objects, "Secret");
    expect(secret.stringData.K8HELPER_ALERTS_TOKEN).toBe("alert-t0ken");
    const configMap = find<KubeManifest & { data: Record<string, string> }>(objects, "ConfigMap");
    expect(parseAlertRoutes(configMap.data["alert-routes.yaml"], "chart")).toMatchObject(routes);
    const env = (app(objects).env as { name: string; value?: string }[]).map((e) => e.name);
    expect(env).toContain("K8HELPER_ALERT_ROUTES");
    const off = renderChart(CHART, { values: { secrets: { alertsToken: "alert-t0ken" } } }).objects;
    expect(
      find<KubeManifest & { stringData: Record<string, string> }>(off, "Secret").stringData
        ?.K8HELPER_ALERTS_TOKEN,
    ).toBeUndefined();
  });

  it("binds the ClusterRole, which holds exactly files/readonly-rules.yaml, to the ServiceAccount", () => {
    const { objects } = renderChart(CHART, { namespace: "ops" });
    const role = find<KubeManifest & { rules: unknown[] }>(objects, "ClusterRole");
    const parsed = parseYaml(readFileSync(`${CHART}/files/readonly-rules.yaml`, "utf8"));
    expect(role.rules).toEqual(Array.isArray(parsed) ? parsed : parsed.rules);
    const binding = find<KubeManifest & { roleRef: { kind: string; name: string }; subjects: unknown[] }>(
      objects,
      "ClusterRoleBinding",
    );
    expect(binding.roleRef).toMatchObject({ kind: "ClusterRole", name: role.metadata.name });
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: "k8helper", namespace: "ops" }]);
  });

  it("adds the operator's read rules for custom resources, which the schema keeps read-only", () => {
    const extra = { apiGroups: ["cert-manager.io"], resources: ["certificates"], verbs: ["get", "list"] };
    const role = find<KubeManifest & { rules: unknown[] }>(
      renderChart(CHART, { values: { rbac: { extraReadRules: [extra] } } }).objects,
      "ClusterRole",
    );
    expect(role.rules[role.rules.length - 1]).toEqual(extra);
    for (const bad of [
      { ...extra, verbs: ["get", "delete"] },
      { ...extra, resources: ["secrets"] },
      { ...extra, apiGroups: [""], resources: ["secrets/status"] },
      { ...extra, resources: ["*"] },
      { ...extra, apiGroups: ["*"] },
    ]) {
      expect(() => renderChart(CHART, { values: { rbac: { extraReadRules: [bad] } } })).toThrow(
        /extraReadRules/,
      );
    }
  });

  it("grants a Role per namespace in namespaced mode: namespaced resources only, no cluster-wide grant", () => {
    const { objects, notes } = renderChart(CHART, {
      values: { rbac: { scope: "namespaced", namespaces: ["shop", "db"] } },
    });
    expect(objects.some((o) => o.kind.startsWith("Cluster"))).toBe(false);
    const roles = objects.filter((o) => o.kind === "Role") as unknown as (KubeManifest & {
      rules: Record<string, string[]>[];
    })[];
    const bindings = objects.filter((o) => o.kind === "RoleBinding");
    expect(roles.map((r) => r.metadata.namespace)).toEqual(["shop", "db"]);
    expect(bindings.map((b) => b.metadata.namespace)).toEqual(["shop", "db"]);
    const resources = roles[0].rules.flatMap((rule) => rule.resources ?? []);
    expect(resources).toEqual(expect.arrayContaining(["pods", "pods/log", "deployments"]));
    for (const clusterScoped of [
      "nodes",
      "namespaces",
      "persistentvolumes",
      "storageclasses",
      "customresourcedefinitions",
    ]) {
      expect(resources).not.toContain(clusterScoped);
    }
    expect(roles[0].rules.some((rule) => "nonResourceURLs" in rule)).toBe(false);
    expect(notes).toContain("in shop, db only");
  });

  it("puts only the tokens of the chosen Slack mode in the Secret, and none anywhere else", () => {
    const secrets = {
      slackBotToken: "xoxb-bot",
      slackAppToken: "xapp-app",
      slackSigningSecret: "signing-secret-value",
      openaiApiKey: "sk-openai-value",
      apiToken: "api-token-value",
    };
    for (const [mode, expected] of [
      ["socket", ["K8HELPER_API_TOKEN", "OPENAI_API_KEY", "SLACK_APP_TOKEN", "SLACK_BOT_TOKEN"]],
      ["http", ["K8HELPER_API_TOKEN", "OPENAI_API_KEY", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]],
      ["none", ["K8HELPER_API_TOKEN", "OPENAI_API_KEY"]],
    ] as const) {
      const { objects } = renderChart(CHART, { values: { slack: { mode }, secrets } });
      const secret = find<KubeManifest & { stringData: Record<string, string> }>(objects, "Secret");
      expect(Object.keys(secret.stringData).sort()).toEqual(expected);
      const elsewhere = JSON.stringify(objects.filter((o) => o.kind !== "Secret"));
      for (const value of Object.values(secrets)) expect(elsewhere).not.toContain(value);
    }
  });

  it("uses an existing Secret instead of creating one", () => {
    const { objects } = renderChart(CHART, { values: { existingSecret: "my-k8helper-tokens" } });
    expect(objects.some((o) => o.kind === "Secret")).toBe(false);
    expect(app(objects).envFrom).toEqual([{ secretRef: { name: "my-k8helper-tokens" } }]);
  });

  it("bundles Redis for several replicas, which the K8Helper Service and PDB never select", () => {
    const { objects } = renderChart(CHART, { values: { replicaCount: 3, redis: { enabled: true } } });
    const redis = find<Deployment>(objects, "Deployment", "k8helper-redis");
    const redisService = find(objects, "Service", "k8helper-redis");
    expect(envOf(app(objects)).REDIS_URL).toBe(`redis://${redisService.metadata.name}:6379`);
    const redisPod = redis.spec.template;
    expect(redisPod.spec.containers[0].securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
    });
    const service = find<KubeManifest & { spec: { selector: Record<string, string> } }>(
      objects,
      "Service",
      "k8helper",
    );
    expect(selects(service.spec.selector, redisPod.metadata.labels)).toBe(false);
    const pdb = find<
      KubeManifest & { spec: { minAvailable: number; selector: { matchLabels: Record<string, string> } } }
    >(objects, "PodDisruptionBudget");
    expect(pdb.spec.minAvailable).toBe(1);
    expect(selects(pdb.spec.selector.matchLabels, redisPod.metadata.labels)).toBe(false);
  });

  it("stores an external Redis URL in the Secret and leaves the PDB out for a single replica", () => {
    const url = "redis://:pw@redis.example:6379/0";
    const { objects } = renderChart(CHART, { values: { redis: { url } } });
    expect(
      find<KubeManifest & { stringData: Record<string, string> }>(objects, "Secret").stringData.REDIS_URL,
    ).toBe(url);
    expect(envOf(app(objects)).REDIS_URL).toBeUndefined();
    expect(objects.some((o) => o.kind === "PodDisruptionBudget" || o.metadata.name.endsWith("-redis"))).toBe(
      false,
    );
  });

  it("refuses HTTP mode without an API token: the server would listen on loopback, out of Slack's reach", () => {
    expect(() => renderChart(CHART, { values: { slack: { mode: "http" } } })).toThrow(/secrets\.apiToken/);
  });

  it("routes an Ingress to the Service for Slack's HTTP mode", () => {
    const { objects, notes } = renderChart(CHART, {
      values: {
        slack: { mode: "http" },
        secrets: { apiToken: "t0ken", slackSigningSecret: "s1gn" },
        ingress: {
          enabled: true,
          className: "nginx",
          hosts: [{ host: "bot.example.org", paths: [{ path: "/", pathType: "Prefix" }] }],
        },
      },
    });
    const ingress = find<KubeManifest & { spec: Record<string, unknown> }>(objects, "Ingress");
    expect(ingress.spec).toMatchObject({
      ingressClassName: "nginx",
      rules: [
        {
          host: "bot.example.org",
          http: {
            paths: [{ path: "/", backend: { service: { name: "k8helper", port: { name: "http" } } } }],
          },
        },
      ],
    });
    expect(notes).toContain("https://bot.example.org/slack/events");
  });

  it("writes channel scopes the application's own parser accepts", () => {
    const channels = {
      C0123ABCD: { namespaces: ["shop", "shop-staging"], defaultNamespace: "shop" },
      default: { namespaces: ["sandbox"] },
    };
    const { objects } = renderChart(CHART, { values: { channels } });
    const text = find<KubeManifest & { data: Record<string, string> }>(objects, "ConfigMap").data[
      "channels.yaml"
    ];
    const scopes = parseChannelScopes(text, "channels.yaml");
    expect(scopes.scopeFor("C0123ABCD", false)).toMatchObject({
      namespaces: ["shop", "shop-staging"],
      defaultNamespace: "shop",
    });
    expect(scopes.scopeFor("C999OTHER", false)).toMatchObject({ namespaces: ["sandbox"] });
  });

  it("renders every template file and every optional value", () => {
    const values = {
      fullnameOverride: "assistant",
      imagePullSecrets: [{ name: "registry-login" }],
      image: { repository: "registry.example.org/k8helper", tag: "9.9.9", pullPolicy: "Always" },
      replicaCount: 2,
      slack: { mode: "http" },
      secrets: { apiToken: "t0ken", slackBotToken: "xoxb-1", slackSigningSecret: "s1gn" },
      config: {
        planner: "hybrid",
        openaiBaseUrl: "http://llm.internal:8000/v1",
        logLevel: "debug",
        strictRbac: false,
      },
      extraEnv: [{ name: "K8HELPER_TOOL_TIMEOUT_MS", value: "5000" }],
      serviceAccount: { create: false, name: "platform-reader" },
      ingress: {
        enabled: true,
        annotations: { "cert-manager.io/cluster-issuer": "letsencrypt" },
        tls: [{ secretName: "tls", hosts: ["a.example"] }],
      },
      redis: { enabled: true },
      podAnnotations: { "prometheus.io/scrape": "true" },
      podLabels: { team: "platform" },
      nodeSelector: { "kubernetes.io/os": "linux" },
      tolerations: [{ key: "dedicated", operator: "Exists" }],
      affinity: { nodeAffinity: {} },
    };
    const { objects } = renderChart(CHART, { values });
    const sources = new Set(objects.map((o) => o.source));
    const templates = readdirSync(`${CHART}/templates`).filter((f) => f.endsWith(".yaml"));
    const unused = templates.filter((file) => !sources.has(file));
    // The ServiceAccount is the operator's own here; role.yaml and rolebinding.yaml render in namespaced mode.
    expect(unused.sort()).toEqual(["role.yaml", "rolebinding.yaml", "serviceaccount.yaml"]);
    const deployment = find<Deployment>(objects, "Deployment", "assistant");
    const pod = deployment.spec.template.spec as PodSpec & Record<string, unknown>;
    expect(pod.serviceAccountName).toBe("platform-reader");
    expect(pod).toMatchObject({
      imagePullSecrets: [{ name: "registry-login" }],
      nodeSelector: { "kubernetes.io/os": "linux" },
      tolerations: [{ key: "dedicated", operator: "Exists" }],
      affinity: { nodeAffinity: {} },
    });
    expect(pod.containers[0].image).toBe("registry.example.org/k8helper:9.9.9");
    expect(envOf(pod.containers[0])).toMatchObject({
      K8HELPER_PLANNER: "hybrid",
      OPENAI_BASE_URL: "http://llm.internal:8000/v1",
      K8HELPER_TOOL_TIMEOUT_MS: "5000",
      K8HELPER_STRICT_RBAC: "false",
    });
    const metadata = deployment.spec.template.metadata as {
      labels: Record<string, string>;
      annotations: Record<string, string>;
    };
    expect(metadata.labels.team).toBe("platform");
    expect(metadata.annotations["prometheus.io/scrape"]).toBe("true");
    expect(metadata.annotations["checksum/config"]).toMatch(/^[0-9a-f]{64}$/);
    const binding = find<KubeManifest & { subjects: { name: string }[] }>(objects, "ClusterRoleBinding");
    expect(binding.subjects[0].name).toBe("platform-reader");
  });

  it("rolls the pods when the channel scopes change", () => {
    const checksum = (channels: Record<string, unknown>) => {
      const deployment = find<Deployment>(renderChart(CHART, { values: { channels } }).objects, "Deployment");
      return (deployment.spec.template.metadata as { annotations: Record<string, string> }).annotations[
        "checksum/config"
      ];
    };
    expect(checksum({})).not.toBe(checksum({ default: { namespaces: ["sandbox"] } }));
  });

  it.each([
    [
      "an unknown Slack mode",
      { slack: { mode: "webhook" } },
      /\/slack\/mode must be equal to one of the allowed values/,
    ],
    [
      "namespaced RBAC without namespaces",
      { rbac: { scope: "namespaced" } },
      /\/rbac\/namespaces must NOT have fewer than 1 items/,
    ],
    ["a misspelt top-level key", { replicas: 2 }, /must NOT have additional properties/],
    ["a bad pull policy", { image: { pullPolicy: "Sometimes" } }, /\/image\/pullPolicy/],
    [
      "a channel key that is not a channel id",
      { channels: { general: { namespaces: ["x"] } } },
      /\/channels/,
    ],
    [
      "a Slack bot token of the wrong kind",
      { secrets: { slackBotToken: "xapp-123" } },
      /\/secrets\/slackBotToken/,
    ],
  ])("rejects %s before rendering anything", (_name, values, problem) => {
    expect(() => renderChart(CHART, { values })).toThrow(problem);
  });
});
