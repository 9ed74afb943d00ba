import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { type KubeManifest, renderChart } from "./go-template/render-chart.js";

const CHART = "chart/k8helper";

/** The K8Helper container's environment as the chart renders it. */
function renderedEnv(values: Record<string, unknown> = {}): Record<string, string> {
  const deployment = renderChart(CHART, { values }).objects.find(
    (object: KubeManifest) => object.kind === "Deployment" && !/redis/.test(String(object.metadata?.name)),
  ) as unknown as {
    spec: { template: { spec: { containers: { env?: { name: string; value?: string }[] }[] } } };
  };
  const env = deployment.spec.template.spec.containers[0].env ?? [];
  return Object.fromEntries(env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
}

describe("the chart's deployment scope and answer cap", () => {
  it("sets no scope by default and the 256 KiB cap", () => {
    const env = renderedEnv();
    expect(env.K8HELPER_SCOPE_NAMESPACES).toBeUndefined();
    expect(env.K8HELPER_MAX_ANSWER_BYTES).toBe("262144");
  });

  it("passes config.scopeNamespaces as the comma list the app reads", () => {
    const env = renderedEnv({ config: { scopeNamespaces: ["shop", "payments"] } });
    expect(env.K8HELPER_SCOPE_NAMESPACES).toBe("shop,payments");
    const config = loadConfig({
      env: { K8HELPER_SCOPE_NAMESPACES: env.K8HELPER_SCOPE_NAMESPACES },
      dotenvPath: "/none",
    });
    expect(config.kube.scopeNamespaces).toEqual(["shop", "payments"]);
  });

  it("rejects a scope entry that is no namespace name", () => {
    expect(() => renderChart(CHART, { values: { config: { scopeNamespaces: ["Shop/x"] } } })).toThrow(
      /values don't meet the schema/,
    );
  });
});
