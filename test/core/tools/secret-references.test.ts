import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/core/ports.js";
import { secretReferences, secretReferencesText } from "../../../src/core/tools/secret-references.js";

const deployment: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "checkout", namespace: "shop" },
  spec: {
    template: {
      spec: {
        imagePullSecrets: [{ name: "registry-pull" }],
        initContainers: [{ name: "migrate", envFrom: [{ secretRef: { name: "checkout-db" } }] }],
        containers: [
          {
            name: "app",
            env: [
              { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "checkout-db", key: "password" } } },
              { name: "MODE", value: "live" },
              { name: "CONFIG", valueFrom: { configMapKeyRef: { name: "checkout-config", key: "mode" } } },
            ],
          },
        ],
        volumes: [
          { name: "tls", secret: { secretName: "shop-tls" } },
          {
            name: "bundle",
            projected: { sources: [{ secret: { name: "ca-bundle" } }, { configMap: { name: "x" } }] },
          },
          { name: "cache", emptyDir: {} },
        ],
      },
    },
  },
} as unknown as KubeObject;

describe("secretReferences", () => {
  it("names every Secret the pod spec references, and where, from env, envFrom, volumes and pull secrets", () => {
    expect(secretReferencesText(secretReferences(deployment))).toBe(
      "checkout-db (env DB_PASSWORD, envFrom in migrate), shop-tls (volume tls), ca-bundle (volume bundle), registry-pull (imagePullSecrets)",
    );
  });

  it("finds none in an object without a pod spec", () => {
    expect(secretReferences({ kind: "Node", metadata: { name: "n" } } as KubeObject)).toEqual([]);
  });
});
