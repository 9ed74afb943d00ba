import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import type { Analyzer } from "./analyzer.js";
import { refOf } from "./evidence.js";

interface Backend {
  service?: { name?: string; port?: { number?: number; name?: string } };
}
interface IngressSpec {
  defaultBackend?: Backend;
  rules?: { host?: string; http?: { paths?: { path?: string; backend?: Backend }[] } }[];
}
interface EndpointsObject extends KubeObject {
  subsets?: { addresses?: unknown[] }[];
}

/**
 * Ingresses whose backend Service is missing or has no ready endpoint: that host and path answer 503. The service
 * check reports the Service itself; this says which routes it takes down, so it runs when ingresses are asked about.
 */
export const ingressesAnalyzer: Analyzer = {
  name: "ingresses",
  covers: ["ingresses"],
  reads: ["ingresses", "services", "endpoints"],
  sweep: false,
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const ingress of snapshot.ingresses) {
      const namespace = ingress.metadata.namespace;
      const same = (object: KubeObject, name: string) =>
        object.metadata.namespace === namespace && object.metadata.name === name;
      for (const { route, service } of routesOf(ingress.spec as IngressSpec | undefined)) {
        const exists = snapshot.services.some((candidate) => same(candidate, service));
        const endpoints = (snapshot.endpoints as EndpointsObject[]).find((candidate) =>
          same(candidate, service),
        );
        const ready = (endpoints?.subsets ?? []).reduce(
          (sum, subset) => sum + (subset.addresses?.length ?? 0),
          0,
        );
        if (exists && ready > 0) continue;
        findings.push({
          severity: "warning",
          object: refOf(ingress, "Ingress"),
          reason: exists ? "IngressBackendUnavailable" : "IngressBackendMissing",
          message: exists
            ? `Ingress route ${route} goes to Service ${service}, which has no ready endpoints: requests get 503.`
            : `Ingress route ${route} goes to Service ${service}, which does not exist: requests get 503.`,
          evidence: [`${route} → service ${service}: ${exists ? "0 ready endpoints" : "not found"}`],
        });
      }
    }
    return findings;
  },
};

function routesOf(spec: IngressSpec | undefined): { route: string; service: string }[] {
  const routes: { route: string; service: string }[] = [];
  const add = (route: string, backend: Backend | undefined) => {
    const service = backend?.service?.name;
    if (service && !routes.some((seen) => seen.route === route && seen.service === service))
      routes.push({ route, service });
  };
  add("(default backend)", spec?.defaultBackend);
  for (const rule of spec?.rules ?? [])
    for (const path of rule.http?.paths ?? []) add(`${rule.host ?? "*"}${path.path ?? "/"}`, path.backend);
  return routes;
}
