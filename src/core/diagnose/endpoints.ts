import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import type { Analyzer } from "./analyzer.js";
import { labelsMatch, podTrouble, refOf } from "./evidence.js";

interface ServiceSpec {
  type?: string;
  selector?: Record<string, string>;
}

interface EndpointsObject extends KubeObject {
  subsets?: { addresses?: unknown[]; notReadyAddresses?: unknown[] }[];
}

/** Services with a selector and no ready endpoint: traffic to them goes nowhere. */
export const endpointsAnalyzer: Analyzer = {
  name: "endpoints",
  covers: ["services", "endpoints"],
  reads: ["services", "endpoints", "pods"],
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const service of snapshot.services) {
      const spec = (service.spec ?? {}) as ServiceSpec;
      if (spec.type === "ExternalName" || Object.keys(spec.selector ?? {}).length === 0) continue;
      const endpoints = (snapshot.endpoints as EndpointsObject[]).find(
        (candidate) =>
          candidate.metadata.name === service.metadata.name &&
          candidate.metadata.namespace === service.metadata.namespace,
      );
      const ready = (endpoints?.subsets ?? []).reduce(
        (sum, subset) => sum + (subset.addresses?.length ?? 0),
        0,
      );
      if (ready > 0) continue;
      const notReady = (endpoints?.subsets ?? []).reduce(
        (sum, subset) => sum + (subset.notReadyAddresses?.length ?? 0),
        0,
      );
      const pods = snapshot.pods.filter(
        (pod) =>
          pod.metadata.namespace === service.metadata.namespace &&
          labelsMatch(spec.selector, pod.metadata.labels),
      );
      const selector = Object.entries(spec.selector ?? {})
        .map(([key, value]) => `${key}=${value}`)
        .join(",");
      findings.push({
        severity: "warning",
        object: refOf(service, "Service"),
        reason: "ServiceNoEndpoints",
        message: `Service has no ready endpoints: ${pods.length === 0 ? "no pod matches its selector" : "none of its pods is ready"}.`,
        evidence: [
          `selector ${selector}: ${pods.length} matching pod${pods.length === 1 ? "" : "s"}`,
          `endpoints: 0 ready, ${notReady} not ready`,
          ...pods.slice(0, 3).map((pod) => `pod ${pod.metadata.name}: ${podTrouble(pod)}`),
        ],
      });
    }
    return findings;
  },
};
