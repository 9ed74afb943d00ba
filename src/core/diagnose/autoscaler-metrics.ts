import type { KubeObject } from "../ports.js";

interface MetricValue {
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}
interface Metric {
  type?: string;
  resource?: { name?: string; target?: MetricValue; current?: MetricValue };
  pods?: { metric?: { name?: string }; target?: MetricValue; current?: MetricValue };
  external?: { metric?: { name?: string }; target?: MetricValue; current?: MetricValue };
}

/** kubectl describe hpa's metric lines: "cpu resource utilization (percentage of request): 96% (240m) / 70%". */
export function metricLines(hpa: KubeObject): string[] {
  const spec = (hpa.spec ?? {}) as { metrics?: Metric[] };
  const status = (hpa.status ?? {}) as { currentMetrics?: Metric[] };
  return (spec.metrics ?? []).map((metric, index) => {
    const current = status.currentMetrics?.[index];
    const source = metric.resource ?? metric.pods ?? metric.external;
    const currentValue = (current?.resource ?? current?.pods ?? current?.external)?.current;
    const name =
      metric.resource?.name ?? metric.pods?.metric?.name ?? metric.external?.metric?.name ?? "metric";
    const utilization = source?.target?.averageUtilization !== undefined;
    const label = utilization ? `${name} resource utilization (percentage of request)` : `${name}`;
    return `${label}: ${metricValue(currentValue, utilization)} / ${metricValue(source?.target, utilization)}`;
  });
}

function metricValue(value: MetricValue | undefined, utilization: boolean): string {
  if (!value) return "<unknown>";
  if (utilization && value.averageUtilization !== undefined)
    return `${value.averageUtilization}%${value.averageValue ? ` (${value.averageValue})` : ""}`;
  return value.averageValue ?? value.value ?? "<unknown>";
}
