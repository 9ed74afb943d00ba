import { describe, expect, it } from "vitest";
import { type ClusterSnapshot, emptySnapshot } from "../../../src/core/diagnose/analyzer.js";
import { autoscalersAnalyzer } from "../../../src/core/diagnose/autoscalers.js";
import { disruptionBudgetsAnalyzer } from "../../../src/core/diagnose/disruption-budgets.js";
import { healthyStatus } from "../../../src/core/diagnose/healthy-status.js";
import { ingressesAnalyzer } from "../../../src/core/diagnose/ingresses.js";
import type { KubeObject } from "../../../src/core/ports.js";
import { object } from "../../helpers/fake-cluster.js";

const snapshot = (parts: Partial<ClusterSnapshot>): ClusterSnapshot => ({ ...emptySnapshot(), ...parts });

function hpa(name: string, current: number, max: number, utilization: number, limited: boolean): KubeObject {
  return object("HorizontalPodAutoscaler", "ns1", name, {
    spec: {
      scaleTargetRef: { kind: "Deployment", name },
      minReplicas: 1,
      maxReplicas: max,
      metrics: [
        {
          type: "Resource",
          resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
        },
      ],
    },
    status: {
      currentReplicas: current,
      desiredReplicas: current,
      currentMetrics: [
        { type: "Resource", resource: { name: "cpu", current: { averageUtilization: utilization } } },
      ],
      conditions: [
        { type: "AbleToScale", status: "True" },
        { type: "ScalingActive", status: "True" },
        {
          type: "ScalingLimited",
          status: limited ? "True" : "False",
          reason: limited ? "TooManyReplicas" : "DesiredWithinRange",
        },
      ],
    },
  });
}

describe("autoscalers", () => {
  for (const name of ["picker", "a", "api-v2"])
    for (const max of [1, 4, 50])
      it(`${name} at its maximum of ${max} is maxed out, with the metric against its target`, () => {
        const [finding] = autoscalersAnalyzer.analyze(
          snapshot({ horizontalpodautoscalers: [hpa(name, max, max, 96, true)] }),
        );
        expect(finding?.reason).toBe("HPAMaxedOut");
        expect(finding?.message).toContain(`maximum of ${max} replicas`);
        expect(finding?.evidence.join("\n")).toContain("96% / 70%");
      });

  it("one within range is healthy, and a healthy answer shows its metric and target", () => {
    const within = snapshot({ horizontalpodautoscalers: [hpa("checkout", 3, 10, 38, false)] });
    expect(autoscalersAnalyzer.analyze(within)).toEqual([]);
    expect(healthyStatus(within, "checkout").join("\n")).toContain("38% / 70%");
  });

  it("one that cannot read its metrics says so", () => {
    const broken = hpa("web", 2, 5, 0, false);
    (broken.status as { conditions: { type: string; status: string; reason?: string }[] }).conditions[1] = {
      type: "ScalingActive",
      status: "False",
      reason: "FailedGetResourceMetric",
    };
    const [finding] = autoscalersAnalyzer.analyze(snapshot({ horizontalpodautoscalers: [broken] }));
    expect(finding?.reason).toBe("HPAScalingInactive");
    expect(finding?.message).toContain("FailedGetResourceMetric");
  });
});

describe("disruption budgets", () => {
  const budget = (allowed: number, expected: number) =>
    object("PodDisruptionBudget", "ns1", "web", {
      spec: { minAvailable: 2 },
      status: { disruptionsAllowed: allowed, currentHealthy: 2, desiredHealthy: 2, expectedPods: expected },
    });
  it("0 allowed disruptions blocks evictions; 1 does not; none are swept with the cluster", () => {
    expect(
      disruptionBudgetsAnalyzer.analyze(snapshot({ poddisruptionbudgets: [budget(0, 3)] }))[0]?.reason,
    ).toBe("DisruptionsBlocked");
    expect(disruptionBudgetsAnalyzer.analyze(snapshot({ poddisruptionbudgets: [budget(1, 3)] }))).toEqual([]);
    expect(disruptionBudgetsAnalyzer.sweep).toBe(false);
  });
});

describe("ingresses", () => {
  const ingress = object("Ingress", "ns1", "edge", {
    spec: {
      rules: [
        { host: "a.example.com", http: { paths: [{ path: "/", backend: { service: { name: "up" } } }] } },
        {
          host: "b.example.com",
          http: { paths: [{ path: "/api", backend: { service: { name: "down" } } }] },
        },
        { host: "c.example.com", http: { paths: [{ path: "/", backend: { service: { name: "gone" } } }] } },
      ],
    },
  });
  const service = (name: string) => object("Service", "ns1", name, { spec: { selector: { app: name } } });
  const endpoints = (name: string, ready: number) =>
    ({
      ...object("Endpoints", "ns1", name),
      subsets: [{ addresses: Array.from({ length: ready }, () => ({})) }],
    }) as KubeObject;
  it("a route to a Service with no ready endpoint, or to none at all, is reported by route", () => {
    const findings = ingressesAnalyzer.analyze(
      snapshot({
        ingresses: [ingress],
        services: [service("up"), service("down")],
        endpoints: [endpoints("up", 2), endpoints("down", 0)],
      }),
    );
    expect(findings.map((finding) => [finding.reason, finding.evidence[0]])).toEqual([
      ["IngressBackendUnavailable", "b.example.com/api → service down: 0 ready endpoints"],
      ["IngressBackendMissing", "c.example.com/ → service gone: not found"],
    ]);
  });
});
