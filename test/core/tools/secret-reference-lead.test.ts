import { describe, expect, it } from "vitest";
import { writeYaml } from "../../../src/adapters/format/yaml-writer.js";
import { redactText } from "../../../src/core/redact.js";
import type { ToolContext } from "../../../src/core/tools/define-tool.js";
import { describeResource } from "../../../src/core/tools/describe-resource.js";
import { secretReferences } from "../../../src/core/tools/secret-references.js";
import { createFakeCluster, object, pod } from "../../helpers/fake-cluster.js";

/** A pod that cannot start because a Secret it references is missing, as kubelet reports it. */
const waiting = pod("shop", "cart-7d9f-abcde", {
  spec: {
    imagePullSecrets: [{ name: "registry-pull" }],
    containers: [
      {
        name: "main",
        image: "shop/cart:3",
        env: [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "cart-db", key: "password" } } }],
        envFrom: [{ secretRef: { name: "cart-api-keys" } }],
      },
    ],
    volumes: [{ name: "tls", secret: { secretName: "cart-tls" } }],
  },
  status: {
    phase: "Pending",
    containerStatuses: [
      {
        name: "main",
        ready: false,
        restartCount: 0,
        state: { waiting: { reason: "CreateContainerConfigError", message: 'secret "cart-db" not found' } },
      },
    ],
  },
});
const ingress = object("Ingress", "shop", "frontend", {
  spec: { tls: [{ hosts: ["shop.example.com"], secretName: "shop-tls" }] },
});
const failedMount = object("Event", "shop", "cart-7d9f-abcde.1", {
  type: "Warning",
  reason: "FailedMount",
  message: 'MountVolume.SetUp failed for volume "tls" : secret "cart-tls" not found',
  involvedObject: { kind: "Pod", name: "cart-7d9f-abcde", namespace: "shop" },
} as never);

const cluster = createFakeCluster({ objects: [waiting, failedMount] });
const context: ToolContext = {
  cluster,
  scope: {},
  defaultNamespace: "shop",
  redact: redactText,
  toYaml: writeYaml,
  clock: { now: () => Date.parse("2026-11-25T12:00:00Z") },
};

describe("describe_resource with env or volumes leads with the Secrets referenced", () => {
  it("names every Secret and where it is referenced, first, and the ones the cluster reports missing", async () => {
    const output = await describeResource.run(context, {
      kind: "pods",
      name: "cart-7d9f-abcde",
      fields: ["env", "volumes"],
    });
    const headline = String(output.facts.headline);
    expect(headline).toMatch(
      /^cart-db \(env DB_PASSWORD\), cart-api-keys \(envFrom in main\), cart-tls \(volume tls\), registry-pull \(imagePullSecrets\): the 4 Secrets referenced by pod cart-7d9f-abcde/,
    );
    expect(output.facts).toMatchObject({
      secrets: ["cart-db", "cart-api-keys", "cart-tls", "registry-pull"],
      missingSecrets: ["cart-db", "cart-tls"],
    });
    expect(headline).toMatch(/reported missing: cart-db, cart-tls/);
  });

  it("says none is reported missing, never that a Secret exists", async () => {
    const healthy = pod("shop", "web-1", {
      spec: { containers: [{ name: "main", envFrom: [{ secretRef: { name: "web-keys" } }] }] },
    });
    const output = await describeResource.run(
      { ...context, cluster: createFakeCluster({ objects: [healthy] }) },
      { kind: "pods", name: "web-1", fields: ["env"] },
    );
    expect(output.facts.headline).toMatch(
      /^web-keys \(envFrom in main\): the Secret referenced by pod web-1; none reported missing/,
    );
    expect(output.facts.missingSecrets).toEqual([]);
  });

  it("an Ingress references its TLS Secrets", () => {
    expect(secretReferences(ingress)).toEqual([{ name: "shop-tls", via: "tls shop.example.com" }]);
  });

  it("never reads a Secret: only the object and events are listed", async () => {
    await describeResource.run(context, { kind: "pods", name: "cart-7d9f-abcde", fields: ["env"] });
    expect(cluster.calls.join("\n")).not.toMatch(/secret/i);
    expect(cluster.calls.length).toBeGreaterThan(0);
  });
});
