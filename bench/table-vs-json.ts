/**
 * Listing 10,000 pods the way K8Helper does (server-side Table, kubectl's columns, pages of 500) against
 * full JSON objects (the typed-API way), through the real adapter and client-node against the simulated
 * cluster: bytes on the wire and wall time, medians of several runs.
 */
import { KubeConfig } from "@kubernetes/client-node";
import { createClusterSet } from "../src/adapters/kubernetes/cluster-set.js";
import { createKubeHttp, type KubeHttp, TABLE_ACCEPT } from "../src/adapters/kubernetes/kube-http.js";
import { resolveRequest } from "../src/core/resource-request.js";
import { startSimulatedCluster } from "../src/demo/cluster-server.js";
import { podType } from "../test/fixtures/resource-types.js";
import { type Figure, reportFigures } from "./lib/report.js";
import { median, timeRuns } from "./lib/stats.js";

const PODS = 10_000;
const RUNS = 7;

/** Every page of /api/v1/pods in one form; returns the bytes received and the rows seen. */
async function pagedBytes(
  http: KubeHttp,
  accept: string | undefined,
): Promise<{ bytes: number; rows: number }> {
  let bytes = 0;
  let rows = 0;
  let continueToken: string | undefined;
  do {
    const page = await http.get({
      target: { kind: "resource", request: resolveRequest(podType) },
      query: { limit: 500, continue: continueToken },
      accept,
    });
    bytes += page.bytes;
    const body = JSON.parse(page.body) as {
      rows?: unknown[];
      items?: unknown[];
      metadata?: { continue?: string };
    };
    rows += (body.rows ?? body.items ?? []).length;
    continueToken = body.metadata?.continue || undefined;
  } while (continueToken);
  return { bytes, rows };
}

await reportFigures(async (): Promise<Figure[]> => {
  const simulated = await startSimulatedCluster({ seed: 1, pods: PODS });
  try {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(simulated.kubeconfigPath);
    const http = createKubeHttp(kubeConfig, 60_000);
    const table = await pagedBytes(http, TABLE_ACCEPT);
    const json = await pagedBytes(http, undefined);
    if (table.rows !== json.rows)
      throw new Error(`row counts differ: table ${table.rows}, json ${json.rows}`);

    const cluster = createClusterSet({
      kubeconfig: simulated.kubeconfigPath,
      requestTimeoutMs: 60_000,
    }).get();
    const tableMs = median(await timeRuns(() => cluster.listTable(podType, {}), RUNS, 1));
    const jsonMs = median(await timeRuns(() => cluster.list(podType, {}), RUNS, 1));
    const note = `${table.rows} pods, pages of 500, median of ${RUNS}`;
    return [
      {
        bench: "table-vs-json",
        name: "bytes, Table",
        value: table.bytes / 1024,
        unit: "KiB",
        baseline: json.bytes / 1024,
        note: `baseline: full JSON; ${note}`,
      },
      {
        bench: "table-vs-json",
        name: "list time, Table",
        value: tableMs,
        unit: "ms",
        baseline: jsonMs,
        note: `baseline: full JSON; ${note}`,
      },
    ];
  } finally {
    await simulated.close();
  }
});
