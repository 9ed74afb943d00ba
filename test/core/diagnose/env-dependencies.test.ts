import { describe, expect, it } from "vitest";
import { envDependencies } from "../../../src/core/diagnose/env-dependencies.js";
import { object } from "../../helpers/fake-cluster.js";

const workload = (namespace: string, env: { name: string; value: string }[]) =>
  object("Deployment", namespace, "frontend", {
    spec: { template: { spec: { containers: [{ name: "app", env }] } } },
  });

// A Service reached by an address in env, in every DNS form; generated over service names and namespaces.
describe.each([
  ["catalog", "shop"],
  ["api", "edge"],
  ["payments-api", "payments"],
])("service %s in %s", (service, namespace) => {
  const services = [object("Service", namespace, service), object("Service", "other", service)];
  it.each([
    `http://${service}:8080`,
    `http://${service}.${namespace}:8080/v1`,
    `http://${service}.${namespace}.svc.cluster.local:8080`,
    `${service}.${namespace}.svc:443`,
    `postgres://user@${service}.${namespace}.svc:5432/db`,
  ])("%s", (value) => {
    expect(envDependencies([workload(namespace, [{ name: "URL", value }])], services)).toEqual([
      { workload: "frontend", variable: "URL", namespace, service },
    ]);
  });
  it("not a name inside another word, a bare word, or another namespace's Service by its bare name", () => {
    for (const value of [`http://${service}-v2:8080`, service, `http://my${service}:80`])
      expect(envDependencies([workload(namespace, [{ name: "URL", value }])], services), value).toEqual([]);
    expect(
      envDependencies([workload("elsewhere", [{ name: "URL", value: `http://${service}:8080` }])], services),
    ).toEqual([]);
  });
});
