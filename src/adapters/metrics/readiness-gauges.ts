import { Gauge, type Registry } from "prom-client";

/** `k8helper_dependency_up{dependency}`: 1 when the last readiness check reached it, 0 when not. */
export function registerReadinessGauges(
  registry: Registry,
): (checks: Record<string, { ok: boolean }>) => void {
  const existing = registry.getSingleMetric("k8helper_dependency_up") as Gauge | undefined;
  const gauge =
    existing ??
    new Gauge({
      name: "k8helper_dependency_up",
      help: "1 when the last readiness check reached the dependency (cluster, cache), 0 when it did not.",
      labelNames: ["dependency"],
      registers: [registry],
    });
  return (checks) => {
    for (const [dependency, check] of Object.entries(checks)) gauge.set({ dependency }, check.ok ? 1 : 0);
  };
}
