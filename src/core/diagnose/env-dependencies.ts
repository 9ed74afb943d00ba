import type { Finding } from "../answer.js";
import type { KubeObject } from "../ports.js";
import { templatePodSpec } from "../tools/describe-field-values.js";

/** A Service a workload reaches by an address in its env: "CATALOG_URL=http://catalog.shop.svc:8080". */
export interface EnvDependency {
  workload: string;
  variable: string;
  namespace: string;
  service: string;
}

/**
 * The Services the workloads' env values address (a Service's DNS name, `svc`, `svc.ns`, `svc.ns.svc[.cluster.local]`,
 * in a URL or with a port): what they talk to, whose trouble is theirs ("does frontend point at anything broken").
 */
export function envDependencies(
  workloads: readonly KubeObject[],
  services: readonly KubeObject[],
): EnvDependency[] {
  return workloads.flatMap((workload) => {
    const namespace = workload.metadata.namespace ?? "";
    const containers = templatePodSpec(workload)?.containers ?? [];
    const env = containers.flatMap((container) => container.env ?? []);
    return env.flatMap(({ name, value }) => {
      if (!name || !value) return [];
      return services.flatMap((service) => {
        const target = serviceAddressed(value, service, namespace);
        return target ? [{ workload: workload.metadata.name, variable: name, ...target }] : [];
      });
    });
  });
}

function serviceAddressed(
  value: string,
  service: KubeObject,
  from: string,
): { namespace: string; service: string } | undefined {
  const name = service.metadata.name;
  const namespace = service.metadata.namespace ?? "";
  const host = new RegExp(
    String.raw`(?:^|//|@|[\s,;=])${name}(\.${namespace}(?:\.svc(?:\.cluster\.local)?)?)?(?=[:/]|$)`,
  );
  const match = host.exec(value);
  // A bare name reaches the Service of the workload's own namespace only; a URL or a port says it is an address.
  if (!match || (match[1] === undefined && namespace !== from)) return undefined;
  if (!/:\/\/|:\d+|\.svc\b/.test(value)) return undefined;
  return { namespace, service: name };
}

/** A dependency's finding, with the line that says who depends on it. */
export function withDependent(finding: Finding, dependency: EnvDependency): Finding {
  const line = `${dependency.workload} reaches this Service through env ${dependency.variable}`;
  return finding.evidence.includes(line) ? finding : { ...finding, evidence: [...finding.evidence, line] };
}
