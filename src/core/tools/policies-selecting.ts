import type { Cell } from "../answer.js";
import type { ToolContext, ToolOutput } from "./define-tool.js";
import { listAcross } from "./list-across.js";
import { type NamespaceTarget, namespaceTarget } from "./namespace-scope.js";
import { isPodOf } from "./ownership.js";
import { resolveKind } from "./resolve-kind.js";

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface PeerRule {
  from?: Peer[];
  to?: Peer[];
  ports?: { port?: number | string; protocol?: string }[];
}

interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr?: string };
}

interface PolicySpec {
  podSelector?: LabelSelector;
  policyTypes?: string[];
  ingress?: PeerRule[];
  egress?: PeerRule[];
}

/**
 * "is anything allowed into ledger through the netpol?": no policy is called ledger, so the policies meant are the
 * ones whose podSelector selects ledger's pods (the pod itself, or the pods its workload owns through
 * ownerReferences), looked up in the target namespaces, else across the scope. Undefined when no pod is X's.
 */
export async function policiesSelecting(
  context: ToolContext,
  name: string,
  target: NamespaceTarget,
): Promise<ToolOutput | undefined> {
  const podType = await resolveKind(context.cluster, "pods");
  let pods = (await listAcross(context, podType, target)).filter((pod) => isPodOf(pod, name));
  if (pods.length === 0 && !target.allNamespaces) {
    const scope = namespaceTarget(context, podType, { all_namespaces: true });
    pods = (await listAcross(context, podType, scope)).filter((pod) => isPodOf(pod, name));
  }
  if (pods.length === 0) return undefined;
  const namespaces = [...new Set(pods.map((pod) => pod.metadata.namespace ?? ""))];
  const policyType = await resolveKind(context.cluster, "networkpolicies");
  const policies = (
    await Promise.all(
      namespaces.map((namespace) =>
        listAcross(context, policyType, { namespaces: [namespace], namespace, allNamespaces: false }),
      ),
    )
  ).flat();
  const selecting = policies.filter((policy) =>
    pods.some(
      (pod) =>
        pod.metadata.namespace === policy.metadata.namespace &&
        selects((policy.spec as PolicySpec | undefined)?.podSelector, pod.metadata.labels ?? {}),
    ),
  );
  const rows: Cell[][] = selecting.map((policy) => {
    const spec = (policy.spec ?? {}) as PolicySpec;
    return [
      policy.metadata.namespace ?? null,
      policy.metadata.name,
      selectorText(spec.podSelector),
      (spec.policyTypes ?? ["Ingress"]).join(","),
      rulesText(spec, "Ingress", spec.ingress, "from"),
      rulesText(spec, "Egress", spec.egress, "to"),
    ];
  });
  const where = namespaces.join(", ");
  // Each with what it lets in: "can checkout reach payments-api" is read off the ingress rules.
  const names = selecting.map((policy) => {
    const spec = (policy.spec ?? {}) as PolicySpec;
    return `${policy.metadata.name} (ingress ${rulesText(spec, "Ingress", spec.ingress, "from")})`;
  });
  const headline =
    selecting.length === 0
      ? `No network policy selects the pods of ${name} in ${where}: all traffic to and from them is allowed.`
      : `${selecting.length} network polic${selecting.length === 1 ? "y selects" : "ies select"} the pods of ${name} in ${where}: ${names.join(", ")}.`;
  const headlineZh =
    selecting.length === 0
      ? `${where} 中没有网络策略选中 ${name} 的 Pod：进出流量都不受限制。`
      : `${where} 中有 ${selecting.length} 个网络策略选中 ${name} 的 Pod：${names.join("、")}。`;
  return {
    parts: [
      {
        type: "table",
        title: `Network policies selecting the pods of ${name}`,
        columns: ["NAMESPACE", "NAME", "POD-SELECTOR", "POLICY-TYPES", "INGRESS FROM", "EGRESS TO"],
        rows,
        nameColumn: 1,
      },
    ],
    facts: {
      kind: "networkpolicies",
      count: selecting.length,
      selecting: name,
      pods: pods.map((pod) => pod.metadata.name),
      headline,
      headline_zh: headlineZh,
    },
    notes: [],
  };
}

/** Kubernetes' label-selector semantics; an empty selector selects every pod of the namespace. */
export function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every((expression) => {
    const value = labels[expression.key];
    switch (expression.operator) {
      case "In":
        return value !== undefined && (expression.values ?? []).includes(value);
      case "NotIn":
        return value === undefined || !(expression.values ?? []).includes(value);
      case "Exists":
        return value !== undefined;
      case "DoesNotExist":
        return value === undefined;
      default:
        return false;
    }
  });
  return byLabels && byExpressions;
}

function selectorText(selector: LabelSelector | undefined): string {
  const labels = Object.entries(selector?.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  const expressions = (selector?.matchExpressions ?? []).map((expression) =>
    `${expression.key} ${expression.operator} ${(expression.values ?? []).join("|")}`.trim(),
  );
  const all = [...labels, ...expressions];
  return all.length > 0 ? all.join(",") : "(all pods)";
}

function rulesText(
  spec: PolicySpec,
  type: "Ingress" | "Egress",
  rules: PeerRule[] | undefined,
  side: "from" | "to",
): string {
  const governed = (spec.policyTypes ?? ["Ingress"]).includes(type);
  if (!governed) return "(not restricted)";
  if (!rules || rules.length === 0) return "(none allowed)";
  return rules
    .map((rule) => {
      const peers = rule[side] ?? [];
      const who =
        peers.length === 0
          ? "anywhere"
          : peers
              .map((peer) =>
                [
                  peer.namespaceSelector ? `namespaces ${selectorText(peer.namespaceSelector)}` : "",
                  peer.podSelector ? `pods ${selectorText(peer.podSelector)}` : "",
                  peer.ipBlock?.cidr ? `ip ${peer.ipBlock.cidr}` : "",
                ]
                  .filter(Boolean)
                  .join(" "),
              )
              .join("; ");
      const ports = (rule.ports ?? [])
        .map((port) => `${port.port ?? "*"}/${port.protocol ?? "TCP"}`)
        .join(",");
      return ports ? `${who} on ${ports}` : who;
    })
    .join(" | ");
}
