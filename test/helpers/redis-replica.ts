import { connectRedis } from "../../src/adapters/cache/redis-connection.js";
import { loadConfig } from "../../src/config/load-config.js";
import { buildContainer, type Container, type ContainerOverrides } from "../../src/container.js";
import { silentLogger } from "../../src/core/ports.js";
import type { SimulatedCluster } from "../../src/demo/cluster-server.js";
import { recordingLogger } from "./recording-logger.js";

export interface Replica {
  container: Container;
  logger: ReturnType<typeof recordingLogger>;
  close(): Promise<void>;
}

/** One K8Helper process as `k8helper serve` builds it (the real container), on a shared cluster and Redis. */
export async function startReplica(
  cluster: SimulatedCluster,
  env: Record<string, string>,
  overrides: ContainerOverrides = {},
): Promise<Replica> {
  const logger = recordingLogger();
  const config = loadConfig({
    env: { KUBECONFIG: cluster.kubeconfigPath, LOG_LEVEL: "silent", ...env },
    dotenvPath: "/nonexistent/.env",
  });
  const container = await buildContainer(config, { logger, agent: null, observers: [], ...overrides });
  return { container, logger, close: () => container.close() };
}

/** Empties a Redis between tests, so each starts cold. */
export async function flushRedis(url: string): Promise<void> {
  const connection = await connectRedis({
    url,
    logger: silentLogger,
    keyPrefix: "",
    commandTimeoutMs: 2_000,
  });
  try {
    await connection.client.flushall();
  } finally {
    await connection.close();
  }
}
