import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runToolFromCli } from "../../src/cli/run-tool.js";
import type { TablePart } from "../../src/core/answer.js";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { kubectlGet } from "../helpers/kubectl.js";

/** kubectl and `k8helper run get_resources` against the same simulated cluster must agree row by row. */
let simulated: SimulatedCluster;

beforeAll(async () => {
  simulated = await startSimulatedCluster({ seed: 1 });
});

afterAll(async () => {
  await simulated?.close();
});

async function kubectlRows(args: string[]): Promise<string[][]> {
  const text = await kubectlGet(simulated.kubeconfigPath, args);
  const [header, ...lines] = text.trim().split("\n");
  // kubectl separates columns by 3+ spaces; RESTARTS may hold "14 (63s ago)" with single spaces inside.
  const split = (line: string) => line.trim().split(/\s{3,}/);
  return [split(header), ...lines.map(split)];
}

describe("kubectl vs k8helper run get_resources", () => {
  it("pods in every namespace: same names, READY, STATUS and RESTARTS", async () => {
    const [header, ...expected] = await kubectlRows(["pods", "-A"]);
    const output = await runToolFromCli("get_resources", ["kind=pods", "all_namespaces=true"], {
      kubeconfig: simulated.kubeconfigPath,
    });
    const table = output.parts[0] as TablePart;
    // "14 (4m22s ago)": the age ticks between the two reads, so compare the count and that a last restart is shown.
    const restarts = (cell: string) => cell.replace(/\(\S+ ago\)/, "(ago)");
    const pick = (columns: string[], row: string[]) =>
      ["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS"].map((name) =>
        restarts(String(row[columns.indexOf(name)])),
      );
    const ours = table.rows.map((row) =>
      pick(
        table.columns,
        row.map((cell) => String(cell)),
      ),
    );
    const theirs = expected.map((row) => pick(header, row));
    expect(ours.sort()).toEqual(theirs.sort());
    expect(ours.length).toBeGreaterThan(30);
  });

  it("deployments in shop: same names and READY", async () => {
    const [header, ...expected] = await kubectlRows(["deploy", "-n", "shop"]);
    const output = await runToolFromCli("get_resources", ["kind=deploy", "namespace=shop"], {
      kubeconfig: simulated.kubeconfigPath,
    });
    const table = output.parts[0] as TablePart;
    const ours = table.rows.map((row) =>
      [row[table.columns.indexOf("NAME")], row[table.columns.indexOf("READY")]].map(String),
    );
    expect(ours.sort()).toEqual(
      expected.map((row) => [row[header.indexOf("NAME")], row[header.indexOf("READY")]]).sort(),
    );
  });
});
