import type { Config } from "../../config/config.js";
import { createLlmPlanner } from "../../core/agent/llm-planner.js";
import { createLlmPlanning } from "../../core/agent/planner-modes.js";
import { CodedError } from "../../core/errors.js";
import { createBuiltinPlanner } from "../../core/planner/builtin/index.js";
import { HYBRID_CONFIDENCE_THRESHOLD } from "../../core/planner/hybrid.js";
import { PLANNER_MODES } from "../../core/planner/modes.js";
import type { Planner } from "../../core/ports.js";
import { toolCatalogue } from "../../core/tools/catalogue.js";
import { createLlmFromConfig, providerFor } from "./llm-from-config.js";

/** The planner `k8helper plan` and `eval` use: builtin, or an LLM in plan-only mode (one round, calls not run). */
export function createPlannerForCli(
  config: Config,
  name: string,
  hybridThreshold = HYBRID_CONFIDENCE_THRESHOLD,
): Planner {
  const builtin = createBuiltinPlanner();
  if (name === "builtin") return builtin;
  if (name !== "openai" && name !== "hunyuan" && name !== "hybrid") {
    throw new CodedError("bad_request", `Unknown planner "${name}": use one of ${PLANNER_MODES.join(", ")}.`);
  }
  const provider = providerFor(config, name);
  if (!provider) {
    throw new CodedError(
      "config",
      "The hybrid planner needs an LLM: OPENAI_API_KEY, HUNYUAN_API_KEY or TENCENT_SECRET_ID/TENCENT_SECRET_KEY.",
    );
  }
  const llm = createLlmPlanner({ llm: createLlmFromConfig(config, provider), tools: toolCatalogue });
  return createLlmPlanning({
    name,
    builtin,
    llm,
    hybridThreshold: name === "hybrid" ? hybridThreshold : undefined,
  });
}
