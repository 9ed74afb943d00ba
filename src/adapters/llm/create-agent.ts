import type { Config } from "../../config/config.js";
import { createLlmAgent } from "../../core/agent/llm-agent.js";
import type { Agent } from "../../core/ports.js";
import { toolCatalogue } from "../../core/tools/catalogue.js";
import { gptTokenCounter } from "../tokenizer/gpt-token-counter.js";
import { createLlmFromConfig, providerFor } from "./llm-from-config.js";

/** The LLM agent the configuration asks for, or undefined when no LLM is configured. */
export function createAgentFromConfig(config: Config): Agent | undefined {
  const provider = providerFor(config, config.planner);
  if (!provider) return undefined;
  return createLlmAgent({
    llm: createLlmFromConfig(config, provider),
    tools: toolCatalogue,
    tokenCounter: gptTokenCounter,
    callLimits: { perRound: config.llm.maxCallsPerRound, perQuestion: config.llm.maxCallsPerQuestion },
  });
}
