import type { Config } from "../../config/config.js";
import { CodedError } from "../../core/errors.js";
import type { Llm } from "../../core/ports.js";
import { createHunyuanLlm } from "./hunyuan.js";
import { createOpenAiLlm } from "./openai.js";

export type LlmProvider = "openai" | "hunyuan";

/** The configured provider for a planner mode: openai/hunyuan by name; hybrid (or builtin) prefers openai. */
export function providerFor(config: Config, mode: Config["planner"]): LlmProvider | undefined {
  if (mode === "openai" || mode === "hunyuan") return mode;
  if (config.llm.openai) return "openai";
  if (config.llm.hunyuan) return "hunyuan";
  return undefined;
}

/** An Llm for a provider; missing credentials are a config error naming the settings to set. */
export function createLlmFromConfig(config: Config, provider: LlmProvider): Llm {
  const budget = { timeoutMs: config.llm.timeoutMs, maxRetries: config.llm.maxRetries };
  if (provider === "openai") {
    if (!config.llm.openai) {
      throw new CodedError(
        "config",
        "The openai planner needs OPENAI_API_KEY (or HUNYUAN_API_KEY for Hunyuan's OpenAI-compatible endpoint).",
      );
    }
    return createOpenAiLlm({ ...config.llm.openai, ...budget });
  }
  if (!config.llm.hunyuan) {
    throw new CodedError("config", "The hunyuan planner needs TENCENT_SECRET_ID and TENCENT_SECRET_KEY.");
  }
  return createHunyuanLlm({ ...config.llm.hunyuan, ...budget });
}
