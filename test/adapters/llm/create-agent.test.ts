import { describe, expect, it } from "vitest";
import { createAgentFromConfig } from "../../../src/adapters/llm/create-agent.js";
import { createPlannerForCli } from "../../../src/adapters/llm/create-planner.js";
import { loadConfig } from "../../../src/config/load-config.js";

const openai = { OPENAI_API_KEY: "sk-test", OPENAI_MODEL: "gpt-test" };
const hunyuan = { TENCENT_SECRET_ID: "AKIDtest", TENCENT_SECRET_KEY: "key", HUNYUAN_MODEL: "hunyuan-t1" };
const config = (env: Record<string, string>) => loadConfig({ env, dotenvPath: "/nonexistent/.env" });

describe("createAgentFromConfig", () => {
  it.each<{ env: Record<string, string>; agent: string[] | undefined }>([
    { env: {}, agent: undefined },
    { env: openai, agent: ["openai", "gpt-test"] },
    { env: hunyuan, agent: ["hunyuan", "hunyuan-t1"] },
    { env: { ...openai, ...hunyuan }, agent: ["openai", "gpt-test"] },
    { env: { ...openai, ...hunyuan, K8HELPER_PLANNER: "hunyuan" }, agent: ["hunyuan", "hunyuan-t1"] },
    { env: { ...openai, ...hunyuan, K8HELPER_PLANNER: "hybrid" }, agent: ["openai", "gpt-test"] },
    { env: { HUNYUAN_API_KEY: "hy-key" }, agent: ["openai", "hunyuan-turbos-latest"] },
  ])("$env → $agent", ({ env, agent }) => {
    const built = createAgentFromConfig(config(env));
    expect(built ? [built.name, built.model] : undefined).toEqual(agent);
  });

  it("a planner whose credentials are missing is a start-up error", () => {
    expect(() => config({ K8HELPER_PLANNER: "hunyuan", ...openai })).toThrow(
      /TENCENT_SECRET_ID and TENCENT_SECRET_KEY/,
    );
    expect(() => config({ K8HELPER_PLANNER: "gemini" })).toThrow(
      /K8HELPER_PLANNER: must be one of builtin, openai, hunyuan, hybrid/,
    );
  });
});

describe("createPlannerForCli", () => {
  it("names the planner it builds", () => {
    expect(createPlannerForCli(config(openai), "openai").name).toBe("openai");
    expect(createPlannerForCli(config(openai), "hybrid").name).toBe("hybrid");
    expect(createPlannerForCli(config({}), "builtin").name).toBe("builtin");
  });

  it("rejects an unknown planner and an LLM planner without its credentials", () => {
    expect(() => createPlannerForCli(config(openai), "gpt")).toThrow(
      /Unknown planner "gpt": use one of builtin, openai, hunyuan, hybrid/,
    );
    expect(() => createPlannerForCli(config(openai), "hunyuan")).toThrow(
      /TENCENT_SECRET_ID and TENCENT_SECRET_KEY/,
    );
    expect(() => createPlannerForCli(config({}), "hybrid")).toThrow(/needs an LLM/);
  });
});
