import { describe, expect, it } from "vitest";
import { isUnhealthyRow, unhealthyRowLabel } from "../../../src/core/tools/table-health.js";

/** Rows in kubectl's own columns (server-side Table), as the simulated cluster and a real API server send them. */
describe("unhealthy rows, read from kubectl's columns", () => {
  it.each([
    ["deployments", ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], ["api", "2/2", 2, 2, "1d"], false],
    ["deployments", ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], ["api", "1/2", 2, 1, "1d"], true],
    ["statefulsets", ["NAME", "READY", "AGE"], ["db", "0/1", "1d"], true],
    ["replicasets", ["NAME", "DESIRED", "CURRENT", "READY", "AGE"], ["api-7d9f", 2, 2, 2, "1d"], false],
    ["replicasets", ["NAME", "DESIRED", "CURRENT", "READY", "AGE"], ["api-7d9f", 2, 2, 1, "1d"], true],
    ["replicasets", ["NAME", "DESIRED", "CURRENT", "READY", "AGE"], ["api-old", 0, 0, 0, "9d"], false],
    [
      "daemonsets",
      ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
      ["kube-proxy", 3, 3, 2, 3, 2, "1d"],
      true,
    ],
    ["pods", ["NAME", "READY", "STATUS", "RESTARTS", "AGE"], ["web-1", "1/1", "Running", 0, "1h"], false],
    [
      "pods",
      ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
      ["web-2", "0/1", "CrashLoopBackOff", 7, "1h"],
      true,
    ],
    ["pods", ["NAME", "READY", "STATUS", "RESTARTS", "AGE"], ["job-x", "0/1", "Completed", 0, "1h"], false],
    [
      "nodes",
      ["NAME", "STATUS", "ROLES", "AGE", "VERSION"],
      ["w1", "Ready,SchedulingDisabled", "", "1d", "v1"],
      false,
    ],
    ["nodes", ["NAME", "STATUS", "ROLES", "AGE", "VERSION"], ["w2", "NotReady", "", "1d", "v1"], true],
    // A CronJob: suspended, or days old and never scheduled; a fresh one may not have reached its first run.
    [
      "cronjobs",
      ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
      ["backup", "30 3 * * *", "<none>", "False", 0, "<none>", "20d"],
      true,
    ],
    [
      "cronjobs",
      ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
      ["backup", "30 3 * * *", "<none>", "False", 0, "<none>", "5h"],
      false,
    ],
    [
      "cronjobs",
      ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
      ["report", "0 2 * * *", "<none>", "False", 0, "9h", "30d"],
      false,
    ],
    [
      "cronjobs",
      ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
      ["report", "0 2 * * *", "<none>", "True", 0, "9h", "30d"],
      true,
    ],
    // A Service's Endpoints with no ready address: its traffic goes nowhere.
    ["endpoints", ["NAME", "ENDPOINTS", "AGE"], ["catalog", "<none>", "30d"], true],
    ["endpoints", ["NAME", "ENDPOINTS", "AGE"], ["cart", "10.244.1.48:8080", "30d"], false],
  ] as const)("%s %j → %j: unhealthy %s", (kind, columns, row, unhealthy) => {
    expect(isUnhealthyRow(kind, [...columns], [...row])).toBe(unhealthy);
  });
});

describe("an unhealthy row is named with the state that makes it so", () => {
  const POD = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"];
  const DAEMONSET = ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"];
  // Any name, any count: the label carries the row's own values.
  const names = ["kube-proxy", "node-exporter", "a", "x-1-2-3", "checkout-26l478mgff-5bj6r"];
  it.each(names)("%s", (name) => {
    for (const desired of [1, 3, 4, 12]) {
      const ready = desired - 1;
      expect(
        unhealthyRowLabel(
          "daemonsets",
          DAEMONSET,
          [name, desired, desired, ready, desired, ready, "1d"],
          name,
        ),
      ).toBe(`${name} (${ready}/${desired})`);
      expect(unhealthyRowLabel("deployments", ["NAME", "READY"], [name, `${ready}/${desired}`], name)).toBe(
        `${name} (${ready}/${desired})`,
      );
    }
    for (const status of ["CrashLoopBackOff", "ImagePullBackOff", "Pending", "Error", "OOMKilled"])
      expect(unhealthyRowLabel("pods", POD, [name, "0/1", status, 3, "1h"], name)).toBe(
        `${name} (${status})`,
      );
    // A Running pod that is not ready says so by its READY count.
    expect(unhealthyRowLabel("pods", POD, [name, "0/1", "Running", 0, "1h"], name)).toBe(`${name} (0/1)`);
    expect(unhealthyRowLabel("nodes", ["NAME", "STATUS"], [name, "NotReady"], name)).toBe(
      `${name} (NotReady)`,
    );
    expect(unhealthyRowLabel("configmaps", ["NAME", "DATA"], [name, 1], name)).toBe(name);
  });
});
