import { loadConfig } from "../../../src/config/load-config.js";
import { buildContainer } from "../../../src/container.js";
import type { ToolCall } from "../../../src/core/answer.js";
import { silentLogger } from "../../../src/core/ports.js";
import { startSimulatedCluster } from "../../../src/demo/cluster-server.js";
import { type LoadedSnapshot, loadSnapshot } from "../../../src/demo/snapshot/load-snapshot.js";
import { snapshotTakenNote } from "../../../src/demo/snapshot/snapshot.js";
import { question } from "../../helpers/question.js";

/** The real pipeline, offline planner, on the simulated API server serving a snapshot (as `ask --snapshot` builds it). */
export async function startSnapshotStack(path: string, options: { probedOnPurpose?: boolean } = {}) {
  const snapshot: LoadedSnapshot = await loadSnapshot(path);
  const cluster = await startSimulatedCluster({ snapshot, contextName: "snapshot", ...options });
  const config = loadConfig({
    env: { KUBECONFIG: cluster.kubeconfigPath, LOG_LEVEL: "silent" },
    dotenvPath: "/nonexistent/.env",
  });
  const container = await buildContainer(config, {
    logger: silentLogger,
    agent: null,
    clock: { now: cluster.now },
    answerNote: snapshotTakenNote(snapshot.takenAt),
  });
  const answers = container.answers;
  return {
    snapshot,
    cluster,
    answers,
    run: (calls: ToolCall[]) => answers.answerCalls(question("snapshot test"), calls),
    async close() {
      await container.close();
      await cluster.close();
    },
  };
}
