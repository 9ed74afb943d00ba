import { startFakeHunyuanServer } from "../fakes/hunyuan-server.js";
import type { ScriptedServer } from "../fakes/llm-script.js";
import { startFakeOpenAiServer } from "../fakes/openai-server.js";
import { startTestStack, type TestStack } from "../helpers/answer-service.js";

export interface LlmTestStack extends TestStack {
  llm: ScriptedServer;
  /** Names of the pods in a namespace, read through the container's own cluster. */
  podNames(namespace: string): Promise<string[]>;
}

/** The real container and pipeline on the simulated cluster, with its LLM agent built from config against a fake endpoint. */
export async function startLlmStack(
  provider: "openai" | "hunyuan",
  env: Record<string, string> = {},
): Promise<LlmTestStack> {
  const llm =
    provider === "openai"
      ? await startFakeOpenAiServer({ apiKey: "sk-it" })
      : await startFakeHunyuanServer({ secretId: "AKIDit", secretKey: "it-key" });
  const llmEnv: Record<string, string> =
    provider === "openai"
      ? { OPENAI_API_KEY: "sk-it", OPENAI_BASE_URL: `${llm.url}/v1` }
      : { TENCENT_SECRET_ID: "AKIDit", TENCENT_SECRET_KEY: "it-key", HUNYUAN_ENDPOINT: llm.url };
  const stack = await startTestStack({
    env: {
      K8HELPER_PLANNER: provider,
      K8HELPER_LLM_TIMEOUT_MS: "3000",
      K8HELPER_LLM_MAX_RETRIES: "1",
      ...llmEnv,
      ...env,
    },
    overrides: { agent: undefined },
  });
  return {
    ...stack,
    llm,
    async podNames(namespace) {
      const cluster = stack.container.clusters.get();
      const pods = (await cluster.resourceTypes()).find((type) => type.plural === "pods")!;
      return (await cluster.list(pods, { namespace })).map((pod) => pod.metadata.name);
    },
    async close() {
      await stack.close();
      await llm.close();
    },
  };
}
