import { badRequest } from "./api-status.js";
import { allowsNonResource, allowsResource, type PolicyRule, rulesReviewStatus } from "./rbac.js";

/** What every authenticated user may do on a real cluster (system:basic-user): ask what it may do. */
export const basicUserRules: PolicyRule[] = [
  {
    apiGroups: ["authorization.k8s.io"],
    resources: ["selfsubjectaccessreviews", "selfsubjectrulesreviews"],
    verbs: ["create"],
  },
];

// biome-ignore lint/suspicious/noExplicitAny: review bodies are untyped JSON from the client
type LooseBody = any;

/** POST selfsubjectrulesreviews / selfsubjectaccessreviews, answered from the RBAC rules. */
export function answerReview(plural: string, body: LooseBody, rules: PolicyRule[]): Record<string, unknown> {
  if (typeof body !== "object" || body === null || typeof body.spec !== "object" || body.spec === null) {
    throw badRequest("the request body must be a JSON object with a spec");
  }
  const base = {
    apiVersion: "authorization.k8s.io/v1",
    metadata: { creationTimestamp: null },
    spec: body.spec,
  };
  if (plural === "selfsubjectrulesreviews") {
    return { ...base, kind: "SelfSubjectRulesReview", status: rulesReviewStatus(rules) };
  }
  const resource = body.spec.resourceAttributes;
  const nonResource = body.spec.nonResourceAttributes;
  let allowed = false;
  if (resource) {
    allowed = allowsResource(rules, {
      verb: String(resource.verb ?? ""),
      group: String(resource.group ?? ""),
      resource: String(resource.resource ?? ""),
      subresource: resource.subresource || undefined,
      name: resource.name || undefined,
      namespace: resource.namespace || undefined,
    });
  } else if (nonResource) {
    allowed = allowsNonResource(rules, String(nonResource.path ?? ""), String(nonResource.verb ?? ""));
  } else {
    throw badRequest(
      "spec: Invalid value: exactly one of nonResourceAttributes or resourceAttributes must be specified",
    );
  }
  const status = allowed
    ? { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "k8helper-readonly"' }
    : { allowed: false };
  return { ...base, kind: "SelfSubjectAccessReview", status };
}
