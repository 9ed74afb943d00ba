import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/adapters/logging/create-logger.js";
import { canary, secretCanaries } from "../../src/demo/sample-data.js";
import { type HttpStack, postQuery, startHttpStack } from "../frontends/http/start-http-stack.js";

const lines: string[] = [];
let stack: HttpStack;

beforeAll(async () => {
  const logger = createLogger({
    level: "debug",
    destination: { write: (line: string) => void lines.push(line) },
  });
  // The container's default observers (metrics and the audit log) write through this logger.
  stack = await startHttpStack({ overrides: { logger }, logger });
});
afterAll(async () => {
  await stack?.close();
});

const QUESTIONS = [
  "查看kube-system命名空间中的服务",
  "show the manifest of deployment payments-api in namespace payments",
  "logs of payments-api in namespace payments",
  "describe configmap payments-api-config in payments",
  "show me the secret postgres-credentials in data",
  `why does login fail with password=${canary.dbPassword} and api_key: ${canary.stripeKey}`,
  `is Authorization: Bearer ${canary.bearerJwt} valid for payments?`,
  "delete pod payments-api in payments",
];

describe("audit log through the HTTP API", () => {
  it("writes one JSON line per question with who asked, what was read and how it ended; no secret in any line", async () => {
    for (const query of QUESTIONS) {
      const response = await postQuery(stack.url, { query });
      expect(response.status).toBe(200);
    }
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const audit = records.filter((record) => record.event === "audit");
    expect(audit).toHaveLength(QUESTIONS.length);

    for (const record of audit) {
      expect(record).toMatchObject({
        time: expect.any(String),
        frontend: "http",
        user: expect.stringMatching(/^http:/),
        question: expect.any(String),
        calls: expect.any(Array),
        outcome: expect.stringMatching(/^(answered|refused|error|cached)$/),
        durationMs: expect.any(Number),
        tokens: { in: 0, out: 0 },
        requestId: expect.any(String),
      });
    }
    const first = audit[0]!;
    expect(first.question).toBe(QUESTIONS[0]);
    expect(first.calls).toEqual([
      expect.objectContaining({ tool: "get_resources", args: expect.objectContaining({ kind: "services" }) }),
    ]);
    expect(audit.at(-1)).toMatchObject({ outcome: "refused", calls: [] });

    const everything = lines.join("\n");
    for (const secret of secretCanaries) expect(everything).not.toContain(secret);
  });
});
