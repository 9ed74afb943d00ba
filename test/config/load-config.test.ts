import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { CodedError } from "../../src/core/errors.js";

const noDotenv = "/nonexistent/.env";

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig({ env, dotenvPath: noDotenv });
  } catch (error) {
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe("config");
    return (error as CodedError).message;
  }
  throw new Error("expected the configuration to be rejected");
}

describe("configuration", () => {
  it("has sane defaults with an empty environment", () => {
    const config = loadConfig({ env: {}, dotenvPath: noDotenv });
    expect(config.server.port).toBe(8080);
    expect(config.server.host).toBe("127.0.0.1");
    expect(config.server.logLevel).toBe("info");
    // Unset: a question that names no namespace covers the whole scope.
    expect(config.kube.defaultNamespace).toBeUndefined();
    expect(config.planner).toBe("builtin");
    expect(config.cache).toMatchObject({ planTtlSeconds: 86_400, answerTtlSeconds: 30 });
    expect(config.slack).toBeUndefined();
  });

  it("lists every invalid setting at once", () => {
    const message = problemsOf({
      PORT: "eighty",
      LOG_LEVEL: "loud",
      K8HELPER_PLANNER: "gpt",
      K8HELPER_ANSWER_TTL: "-1",
    });
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/LOG_LEVEL: must be one of/);
    expect(message).toMatch(/K8HELPER_PLANNER: must be one of builtin, openai, hunyuan, hybrid/);
    expect(message).toMatch(/K8HELPER_ANSWER_TTL/);
  });

  it("refuses a planner without its credentials", () => {
    expect(problemsOf({ K8HELPER_PLANNER: "openai" })).toMatch(/needs OPENAI_API_KEY/);
    expect(problemsOf({ K8HELPER_PLANNER: "hunyuan", TENCENT_SECRET_ID: "id" })).toMatch(
      /TENCENT_SECRET_KEY/,
    );
    expect(problemsOf({ SLACK_BOT_TOKEN: "xoxb-1" })).toMatch(/SLACK_APP_TOKEN .*or SLACK_SIGNING_SECRET/);
  });

  it("defaults to hybrid when an LLM is configured", () => {
    expect(loadConfig({ env: { OPENAI_API_KEY: "sk-x" }, dotenvPath: noDotenv }).planner).toBe("hybrid");
    const hunyuanCompatible = loadConfig({ env: { HUNYUAN_API_KEY: "hk" }, dotenvPath: noDotenv });
    expect(hunyuanCompatible.llm.openai?.baseURL).toMatch(/hunyuan/);
  });

  it("reads a .env file under the environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "k8h-env-"));
    const file = join(dir, ".env");
    writeFileSync(file, "PORT=9090\nK8HELPER_DEFAULT_NAMESPACE=shop\n");
    const config = loadConfig({ env: { PORT: "7070" }, dotenvPath: file });
    expect(config.server.port).toBe(7070);
    expect(config.kube.defaultNamespace).toBe("shop");
  });

  it("listens beyond loopback only when asked or protected by a token", () => {
    expect(loadConfig({ env: { K8HELPER_ALLOW_REMOTE: "true" }, dotenvPath: noDotenv }).server.host).toBe(
      "0.0.0.0",
    );
    expect(loadConfig({ env: { K8HELPER_API_TOKEN: "t" }, dotenvPath: noDotenv }).server.host).toBe(
      "0.0.0.0",
    );
  });
});
