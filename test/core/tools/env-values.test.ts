import { describe, expect, it } from "vitest";
import { writeYaml } from "../../../src/adapters/format/yaml-writer.js";
import { redactText } from "../../../src/core/redact.js";
import type { ToolContext } from "../../../src/core/tools/define-tool.js";
import { describeResource } from "../../../src/core/tools/describe-resource.js";
import { createFakeCluster, object } from "../../helpers/fake-cluster.js";

// Any name beside any value: a value is shown only when neither the name nor the value looks secret.
const PLAIN_NAMES = ["JAVA_OPTS", "LOG_LEVEL", "CART_URL", "FEATURE_FLAGS", "REGION"];
const SECRET_NAMES = [
  "DB_PASSWORD",
  "API_TOKEN",
  "STRIPE_SECRET_KEY",
  "AWS_SECRET_ACCESS_KEY",
  "GITHUB_PAT",
  "SMTP_PASS",
];
const PLAIN_VALUES = ["-Xmx480m", "debug", "http://cart.shop.svc.cluster.local:8080", "eu-west-1"];
const SECRET_VALUES = [
  "postgres://app:Hb4nR7wQx2Ls9K@db:5432/app",
  "sk_live_51NzQ8cJ4tRvW2yXbM6pLh3Ks",
  "AKIAIOSFODNN7EXAMPLE",
  "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ",
  "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
];

async function envLine(name: string, value: string): Promise<string> {
  const deployment = object("Deployment", "lab", "app", {
    spec: { template: { spec: { containers: [{ name: "app", image: "app:1", env: [{ name, value }] }] } } },
  });
  const context: ToolContext = {
    cluster: createFakeCluster({ objects: [deployment] }),
    scope: {},
    redact: redactText,
    toYaml: writeYaml,
    clock: { now: () => Date.parse("2026-12-03T10:00:00Z") },
  };
  const output = await describeResource.run(context, {
    kind: "deployments",
    name: "app",
    namespace: "lab",
    fields: ["env"],
  });
  return JSON.stringify(output);
}

describe("env values in a description", () => {
  for (const name of PLAIN_NAMES)
    for (const value of PLAIN_VALUES)
      it(`${name}=${value} is shown`, async () => {
        expect(await envLine(name, value)).toContain(`${name}=${value}`);
      });
  for (const name of SECRET_NAMES)
    for (const value of PLAIN_VALUES)
      it(`${name}'s value is not shown, however plain (${value})`, async () => {
        const text = await envLine(name, value);
        expect(text).toContain(`${name} (value not shown)`);
        expect(text).not.toContain(`${name}=`);
      });
  for (const name of PLAIN_NAMES)
    for (const value of SECRET_VALUES)
      it(`a secret-looking value under ${name} is not shown (${value.slice(0, 12)}…)`, async () => {
        const text = await envLine(name, value);
        expect(text).toContain(`${name} (value not shown)`);
        expect(text).not.toContain(value);
      });
});
