import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/adapters/logging/create-logger.js";

const SECRETS = [
  "xoxb-1111-2222-supersecretbot",
  "xapp-1-A111-shhhh-apptoken",
  "hunter2-password-value",
  "sk-live0123456789abcdefghij",
  "opensesame-api-token",
  "AKIAIOSFODNN7EXAMPLE",
  "bearer-credential-12345678",
];

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: "debug",
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("writes JSON lines with a level label and an ISO time", () => {
    const { logger, records } = capture();
    logger.info({ event: "started", port: 8080 }, "K8Helper is listening");
    const [record] = records();
    expect(record).toMatchObject({
      level: "info",
      event: "started",
      port: 8080,
      msg: "K8Helper is listening",
    });
    expect(record!.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  });

  it("masks values under secret-looking keys at any depth", () => {
    const { logger, lines, records } = capture();
    logger.info({
      token: SECRETS[4],
      config: {
        slack: { botToken: SECRETS[0], appToken: SECRETS[1] },
        llm: { openai: { apiKey: SECRETS[3] } },
      },
      headers: { authorization: `Bearer ${SECRETS[6]}`, "x-api-key": SECRETS[4] },
      users: [{ name: "ann", password: SECRETS[2] }],
    });
    const output = lines.join("");
    for (const secret of SECRETS.slice(0, 7)) {
      if (secret !== SECRETS[5]) expect(output).not.toContain(secret);
    }
    const [record] = records();
    expect(record).toMatchObject({ token: "****", users: [{ name: "ann", password: "****" }] });
  });

  it("masks secret-looking text inside messages, strings, errors and child bindings", () => {
    const { logger, lines } = capture();
    logger.warn(`Slack said invalid_auth for ${SECRETS[0]}`);
    logger.error(
      { error: new Error(`request failed: Authorization: Bearer ${SECRETS[6]}`) },
      "LLM call failed",
    );
    logger.info({ url: `redis://default:${SECRETS[2]}@redis:6379/0` }, "cache connected");
    logger.info({ note: `aws key ${SECRETS[5]}` });
    logger.child({ apiToken: SECRETS[4] }).info({ event: "child" }, "from a child");
    logger.child({ component: "slack" }).child({ password: SECRETS[2] }).info({ event: "grandchild" });
    const output = lines.join("");
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    expect(output).toContain("LLM call failed");
    expect(output).toContain('"component":"slack"');
    expect(output).toContain("redis://default:****@redis:6379/0");
  });

  it("keeps what only looks like a secret's name: references and token counts", () => {
    const { logger, records } = capture();
    logger.info({ secretName: "db-credentials", tokens: { in: 120, out: 30 }, passwordFile: "/etc/pw" });
    expect(records()[0]).toMatchObject({
      secretName: "db-credentials",
      tokens: { in: 120, out: 30 },
      passwordFile: "/etc/pw",
    });
  });

  it("survives circular and deeply nested fields", () => {
    const { logger, records } = capture();
    const loop: Record<string, unknown> = { name: "loop" };
    loop.self = loop;
    let deep: Record<string, unknown> = { token: "deep-secret-value" };
    for (let level = 0; level < 20; level += 1) deep = { deeper: deep };
    logger.info({ loop, deep });
    const [record] = records();
    expect(JSON.stringify(record)).toContain("[circular]");
    expect(JSON.stringify(record)).not.toContain("deep-secret-value");
  });

  it("drops lines below the configured level", () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "warn",
      destination: { write: (line: string) => void lines.push(line) },
    });
    logger.info({ event: "quiet" });
    logger.warn({ event: "loud" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("loud");
  });
});
