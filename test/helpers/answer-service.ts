import { loadConfig } from "../../src/config/load-config.js";
import { buildContainer, type Container, type ContainerOverrides } from "../../src/container.js";
import type { AnswerService } from "../../src/core/pipeline/answer-service.js";
import { silentLogger } from "../../src/core/ports.js";
import {
  type SimulatedCluster,
  type SimulatedClusterOptions,
  startSimulatedCluster,
} from "../../src/demo/cluster-server.js";

export interface TestStackOptions {
  cluster?: SimulatedClusterOptions;
  /** Settings as environment variables (only these: the test's own environment is not read). */
  env?: Record<string, string>;
  overrides?: ContainerOverrides;
}

export interface TestStack {
  cluster: SimulatedCluster;
  container: Container;
  answers: AnswerService;
  close(): Promise<void>;
}

/** The real pipeline with the offline planner on a fresh simulated cluster. */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const cluster = await startSimulatedCluster(options.cluster);
  const config = loadConfig({
    env: { KUBECONFIG: cluster.kubeconfigPath, LOG_LEVEL: "silent", ...options.env },
    dotenvPath: "/nonexistent/.env",
  });
  const container = await buildContainer(config, { logger: silentLogger, agent: null, ...options.overrides });
  return {
    cluster,
    container,
    answers: container.answers,
    async close() {
      await container.close();
      await cluster.close();
    },
  };
}
