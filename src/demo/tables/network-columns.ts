import { age, type Loose, labelSelectorText, loose } from "./format.js";
import type { KindPrinter } from "./printer.js";

function servicePorts(svc: Loose): string {
  const ports: Loose[] = svc.spec?.ports ?? [];
  if (ports.length === 0) return "<none>";
  return ports
    .map((p) =>
      p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`,
    )
    .join(",");
}

function externalIp(svc: Loose): string {
  const type = svc.spec?.type ?? "ClusterIP";
  const external: string[] = svc.spec?.externalIPs ?? [];
  if (type === "LoadBalancer") {
    const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i: Loose) => i.ip ?? i.hostname);
    const all = [...ingress, ...external];
    return all.length > 0 ? all.join(",") : "<pending>";
  }
  if (type === "ExternalName") return svc.spec?.externalName ?? "<none>";
  return external.length > 0 ? external.join(",") : "<none>";
}

export const servicePrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Type", "string", 0],
    ["Cluster-IP", "string", 0],
    ["External-IP", "string", 0],
    ["Port(s)", "string", 0],
    ["Age", "string", 0],
    ["Selector", "string", 1],
  ],
  cells(object, now) {
    const svc = loose(object);
    return [
      svc.metadata.name,
      svc.spec?.type ?? "ClusterIP",
      svc.spec?.clusterIP || "<none>",
      externalIp(svc),
      servicePorts(svc),
      age(object, now),
      labelSelectorText(svc.spec?.selector),
    ];
  },
};

/** Ready addresses only, at most three, as kubectl's formatEndpoints prints them. */
function endpointsText(ep: Loose): string {
  const all: string[] = [];
  for (const subset of ep.subsets ?? []) {
    for (const address of subset.addresses ?? []) {
      for (const port of subset.ports ?? [{}])
        all.push(port.port ? `${address.ip}:${port.port}` : address.ip);
    }
  }
  if (all.length === 0) return "<none>";
  const shown = all.slice(0, 3).join(",");
  return all.length > 3 ? `${shown} + ${all.length - 3} more...` : shown;
}

export const endpointsPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Endpoints", "string", 0],
    ["Age", "string", 0],
  ],
  cells: (object, now) => [object.metadata.name, endpointsText(loose(object)), age(object, now)],
};

export const ingressPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Class", "string", 0],
    ["Hosts", "string", 0],
    ["Address", "string", 0],
    ["Ports", "string", 0],
    ["Age", "string", 0],
  ],
  cells(object, now) {
    const ing = loose(object);
    const hosts = (ing.spec?.rules ?? []).map((r: Loose) => r.host ?? "*");
    const address = (ing.status?.loadBalancer?.ingress ?? []).map((i: Loose) => i.ip ?? i.hostname);
    return [
      ing.metadata.name,
      ing.spec?.ingressClassName ?? "<none>",
      hosts.length > 0 ? hosts.join(",") : "*",
      address.join(","),
      (ing.spec?.tls ?? []).length > 0 ? "80, 443" : "80",
      age(object, now),
    ];
  },
};

export const networkPolicyPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Pod-Selector", "string", 0],
    ["Age", "string", 0],
  ],
  cells(object, now) {
    const selector = labelSelectorText(loose(object).spec?.podSelector);
    return [object.metadata.name, selector === "<none>" ? "<none>" : selector, age(object, now)];
  },
};
