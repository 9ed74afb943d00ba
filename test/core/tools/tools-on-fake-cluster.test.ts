import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { writeYaml } from "../../../src/adapters/format/yaml-writer.js";
import type { CodePart, FindingsPart, TablePart, TextPart } from "../../../src/core/answer.js";
import type { KubeObject } from "../../../src/core/ports.js";
import { redactText } from "../../../src/core/redact.js";
import type { ToolContext } from "../../../src/core/tools/define-tool.js";
import { describeResource } from "../../../src/core/tools/describe-resource.js";
import { diagnose } from "../../../src/core/tools/diagnose.js";
import { getEvents } from "../../../src/core/tools/get-events.js";
import { getManifest } from "../../../src/core/tools/get-manifest.js";
import { getPodLogs } from "../../../src/core/tools/get-pod-logs.js";
import { getResources } from "../../../src/core/tools/get-resources.js";
import { top } from "../../../src/core/tools/top.js";
import { codedFailure } from "../../helpers/coded-failure.js";
import { createFakeCluster, object, pod } from "../../helpers/fake-cluster.js";

const crashing = pod("shop", "cart-7d9f-abcde", {
  status: {
    phase: "Running",
    containerStatuses: [
      {
        name: "main",
        ready: false,
        restartCount: 9,
        state: { waiting: { reason: "CrashLoopBackOff" } },
        lastState: { terminated: { reason: "Error", exitCode: 1 } },
      },
    ],
  },
});
const payments = pod("payments", "payments-api-5c6b-xk2lp", {
  metadata: {
    name: "payments-api-5c6b-xk2lp",
    namespace: "payments",
    managedFields: [{ manager: "kubectl" }],
    annotations: {
      "kubectl.kubernetes.io/last-applied-configuration":
        '{"env":[{"name":"DB_PASSWORD","value":"Qv8!mTz3"}]}',
      team: "payments",
    },
  },
  spec: {
    containers: [
      {
        name: "api",
        image: "payments/api:2",
        env: [
          { name: "DB_PASSWORD", value: "Qv8!mTz3" },
          { name: "DATABASE_URL", value: "postgres://payments:Hb4nR7wQx2@db:5432/payments" },
          { name: "STRIPE_KEY", valueFrom: { secretKeyRef: { name: "stripe", key: "api-key" } } },
        ],
      },
      { name: "sidecar", image: "envoy:1" },
    ],
  },
});
const objects: KubeObject[] = [
  pod("shop", "web-1"),
  pod("shop", "web-2"),
  crashing,
  payments,
  object("Event", "shop", "cart.1", {
    involvedObject: { kind: "Pod", name: "cart-7d9f-abcde", namespace: "shop" },
    type: "Warning",
    reason: "BackOff",
    message: "Back-off restarting failed container",
    lastTimestamp: "2026-11-25T11:59:00Z",
  } as Partial<KubeObject>),
  object("Event", "shop", "web.1", {
    involvedObject: { kind: "Pod", name: "web-1", namespace: "shop" },
    type: "Normal",
    reason: "Started",
    message: "Started container",
    lastTimestamp: "2026-11-25T11:00:00Z",
  } as Partial<KubeObject>),
];
const logLines = Array.from({ length: 300 }, (_, index) => `line ${index + 1}`);
logLines.push(
  '{"msg":"outgoing","headers":{"Authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwYXkifQ.c2lnbmF0dXJl"}}',
);
const cluster = createFakeCluster({
  objects,
  logs: { "payments/payments-api-5c6b-xk2lp": logLines.join("\n") },
  podMetrics: [
    { name: "web-1", namespace: "shop", cpuMillicores: 5, memoryBytes: 300 * 2 ** 20 },
    { name: "web-2", namespace: "shop", cpuMillicores: 250, memoryBytes: 20 * 2 ** 20 },
  ],
});
const context: ToolContext = {
  cluster,
  scope: {},
  defaultNamespace: "shop",
  redact: redactText,
  toYaml: writeYaml,
  clock: { now: () => Date.parse("2026-11-25T12:00:00Z") },
};

describe("tools on an in-memory cluster", () => {
  it("get_resources lists the default namespace and marks unhealthy rows", async () => {
    const output = await getResources.run(context, { kind: "po" });
    const table = output.parts[0] as TablePart;
    expect(table.columns).toEqual(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP"]);
    expect(table.rows.map((row) => row[0])).toEqual(["web-1", "web-2", "cart-7d9f-abcde"]);
    expect(table.unhealthyRows).toEqual([2]);
    expect(output.facts).toMatchObject({
      kind: "pods",
      count: 3,
      namespaces: 1,
      notReady: ["cart-7d9f-abcde"],
      notReadyStates: ["cart-7d9f-abcde (CrashLoopBackOff)"],
      namespace: "shop",
    });
  });

  it("get_resources adds a NAMESPACE column across namespaces and filters by name prefix", async () => {
    const output = await getResources.run(context, { kind: "pods", all_namespaces: true, name: "web" });
    const table = output.parts[0] as TablePart;
    expect(table.columns[0]).toBe("NAMESPACE");
    expect(table.rows.map((row) => `${row[0]}/${row[1]}`)).toEqual(["shop/web-1", "shop/web-2"]);
    expect(output.notes).toEqual(['2 pods match "web"']);
  });

  it("get_pod_logs resolves a prefix, defaults to 100 lines of the first container and redacts", async () => {
    const output = await getPodLogs.run(context, { name: "payments-api", namespace: "payments" });
    const code = (output.parts[0] as CodePart).code;
    expect(code.split("\n")).toHaveLength(100);
    expect(code).not.toContain("eyJzdWIiOiJwYXkifQ");
    expect(output.facts).toMatchObject({ pod: "payments-api-5c6b-xk2lp", container: "api", lines: 100 });
    expect(output.notes).toContain("payments-api → payments-api-5c6b-xk2lp");
    expect(
      await codedFailure(
        getPodLogs.run(context, { name: "payments-api", namespace: "payments", container: "nope" }),
      ),
    ).toMatchObject({
      code: "bad_request",
      message: 'Pod payments-api-5c6b-xk2lp has no container "nope"; its containers: api, sidecar',
    });
  });

  it("get_manifest strips managedFields and last-applied, masks literals and keeps secretKeyRef", async () => {
    const output = await getManifest.run(context, {
      kind: "pods",
      name: "payments-api-5c6b-xk2lp",
      namespace: "payments",
    });
    const yaml = (output.parts[0] as CodePart).code;
    const manifest = parse(yaml);
    expect(manifest.metadata.managedFields).toBeUndefined();
    expect(manifest.metadata.annotations).toEqual({ team: "payments" });
    expect(manifest.spec.containers[0].env).toEqual([
      { name: "DB_PASSWORD", value: "****" },
      { name: "DATABASE_URL", value: "postgres://payments:****@db:5432/payments" },
      { name: "STRIPE_KEY", valueFrom: { secretKeyRef: { name: "stripe", key: "api-key" } } },
    ]);
    expect(yaml).not.toMatch(/Qv8!mTz3|Hb4nR7wQx2/);
  });

  it("describe_resource shows facts, containers and the object's events", async () => {
    const output = await describeResource.run(context, { kind: "pods", name: "cart" });
    expect((output.parts[0] as TextPart).text).toMatch(/Restarts:\s+9/);
    const containers = output.parts.find((part) => part.title === "Containers") as TablePart;
    expect(containers.rows[0]).toEqual([
      "main",
      "example/app:1",
      "Waiting: CrashLoopBackOff",
      "Terminated: Error (exit 1)",
      9,
      "false",
      "",
    ]);
    const events = output.parts.find((part) => part.title === "Events") as TablePart;
    expect(events.rows).toEqual([["60s", "Warning", "BackOff", "Back-off restarting failed container"]]);
    expect(output.notes).toEqual(["Found pod cart → cart-7d9f-abcde in shop"]);
  });

  it("get_events filters by type and sorts newest first", async () => {
    const all = await getEvents.run(context, {});
    expect((all.parts[0] as TablePart).rows.map((row) => row[2])).toEqual(["BackOff", "Started"]);
    const warnings = await getEvents.run(context, { type: "Warning" });
    expect(warnings.facts).toMatchObject({ count: 1, warnings: 1, namespace: "shop" });
  });

  it("get_events about one object: its events, 'none' for an object that has none, not_found for no such object", async () => {
    const cart = await getEvents.run(context, { kind: "pods", name: "cart" });
    expect(cart.facts).toMatchObject({ count: 1, warnings: 1, name: "cart" });
    const quiet = await getEvents.run(context, { kind: "pods", name: "web-2" });
    expect(quiet.facts).toMatchObject({ count: 0, kind: "pods", name: "web-2" });
    expect(quiet.notes).toEqual(["No events about pod web-2 in shop"]);
    expect(await codedFailure(getEvents.run(context, { kind: "pods", name: "nosuch" }))).toMatchObject({
      code: "not_found",
    });
    expect(await codedFailure(getEvents.run(context, { name: "web-3" }))).toMatchObject({
      code: "not_found",
      message: expect.stringContaining("close names: web-1"),
    });
  });

  it("a name given without a namespace is found across the scope, not only in the default, and says where", async () => {
    const listed = await getResources.run(context, { kind: "pods", name: "payments-api" });
    expect(listed.facts).toMatchObject({ count: 1, notReady: [] });
    expect((listed.parts[0] as TablePart).rows[0]).toContain("payments");
    const described = await describeResource.run(context, { kind: "pods", name: "payments-api" });
    expect(described.facts).toMatchObject({ name: "payments-api-5c6b-xk2lp", namespace: "payments" });
    expect(described.notes).toContain("Found pod payments-api → payments-api-5c6b-xk2lp in payments");
    const logs = await getPodLogs.run(context, { name: "payments-api" });
    expect(logs.facts).toMatchObject({ pod: "payments-api-5c6b-xk2lp", namespace: "payments" });
    // Not when the namespace was said, nor beyond the conversation's scope.
    const named = await codedFailure(
      getResources.run(context, { kind: "pods", name: "payments-api", namespace: "shop" }),
    );
    expect(named.message).toMatch(/^No pod named "payments-api" in shop/);
    const scoped = { ...context, scope: { namespaces: ["shop"] } };
    const outside = await codedFailure(getResources.run(scoped, { kind: "pods", name: "payments-api" }));
    expect(outside.message).toMatch(/^No pod named "payments-api" in shop(?:;|$)/);
    // The names it offers instead are the scope's own: nothing of payments is shown.
    expect(outside.message).not.toContain("payments-api-5c6b");
  });

  it("a typo lists close names with their namespaces; the pods of one workload answer for it", async () => {
    const typo = await codedFailure(describeResource.run(context, { kind: "pods", name: "paymnts-api" }));
    expect(typo).toMatchObject({ code: "not_found" });
    expect(typo.message).toContain("close names: payments-api-5c6b-xk2lp (payments)");
    const scoped = { ...context, defaultNamespace: undefined };
    const workload = await describeResource.run(scoped, { kind: "pods", name: "web" });
    expect(workload.facts).toMatchObject({ name: "web-1", namespace: "shop" });
    expect(workload.notes).toContain("Found pod web → web-1 in shop (1 of 2 pods of one workload)");
  });

  it("top sorts by CPU by default and by memory when asked", async () => {
    const byCpu = await top.run(context, { kind: "pods" });
    expect((byCpu.parts[0] as TablePart).rows.map((row) => row[0])).toEqual(["web-2", "web-1"]);
    const byMemory = await top.run(context, { kind: "pods", sort_by: "memory" });
    expect(byMemory.facts.top).toEqual([
      { name: "shop/web-1", cpu: "5m", memory: "300Mi" },
      { name: "shop/web-2", cpu: "250m", memory: "20Mi" },
    ]);
  });

  it("diagnose narrows to one object by prefix and to analyzers by kind", async () => {
    const output = await diagnose.run(context, { name: "cart" });
    const findings = (output.parts[0] as FindingsPart).findings;
    expect(findings.map((finding) => `${finding.reason} ${finding.object.name}`)).toEqual([
      "CrashLoopBackOff cart-7d9f-abcde",
    ]);
    expect(output.facts).toMatchObject({ findings: 1, critical: 1, objects: ["shop/cart-7d9f-abcde"] });
    const nodesOnly = await diagnose.run(context, { kind: "nodes" });
    expect(nodesOnly.facts.findings).toBe(0);
    // A kind no analyzer checks is answered with what the cluster shows of it, never "no problems found".
    const configmaps = await diagnose.run(context, { kind: "configmaps", all_namespaces: true });
    expect(configmaps.facts).toMatchObject({ answeredBy: "get_resources" });
    expect(configmaps.facts.findings).toBeUndefined();
    expect(configmaps.notes?.join(" ")).toContain("diagnose has no checks for configmaps");
    expect(await codedFailure(diagnose.run(context, { kind: "secrets" }))).toMatchObject({
      code: "refused",
    });
  });

  it("refuses secrets in every tool that takes a kind", async () => {
    for (const run of [
      getResources.run(context, { kind: "secrets" }),
      describeResource.run(context, { kind: "secret", name: "db" }),
      getManifest.run(context, { kind: "Secret", name: "db" }),
      getEvents.run(context, { kind: "secrets" }),
      diagnose.run(context, { kind: "secrets", name: "db" }),
    ]) {
      expect((await codedFailure(run)).code).toBe("refused");
    }
  });
});
