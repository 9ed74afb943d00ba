import type { Cell } from "../answer.js";

/**
 * Whether a `kubectl get` row looks unhealthy, from kubectl's own columns: pods not Running/Ready and not
 * Completed, workloads below their desired count, nodes not Ready, failed jobs, CronJobs suspended or never run,
 * unbound claims.
 */
export function isUnhealthyRow(kind: string, columns: string[], row: Cell[]): boolean {
  const cell = cellReader(columns, row);
  switch (kind) {
    case "pods": {
      const status = cell("STATUS");
      if (status === "Completed" || status === "Succeeded") return false;
      return status !== "Running" || !fullyReady(cell("READY"));
    }
    case "deployments":
    case "statefulsets":
      return cell("READY") !== ""
        ? !fullyReady(cell("READY"))
        : Number(cell("CURRENT")) < Number(cell("DESIRED"));
    // READY is a count here ("2"), next to DESIRED, not deployments' "2/2".
    case "replicasets":
    case "daemonsets":
      return Number(cell("READY")) < Number(cell("DESIRED"));
    case "nodes":
      return !/^Ready(,|$)/.test(cell("STATUS"));
    case "jobs":
      return /Fail/i.test(cell("STATUS"));
    case "cronjobs":
      return cell("SUSPEND") === "True" || neverScheduled(cell("LAST SCHEDULE"), cell("AGE"));
    case "persistentvolumeclaims":
      return cell("STATUS") !== "Bound";
    // A Service whose Endpoints hold no ready address sends its traffic nowhere.
    case "endpoints":
      return cell("ENDPOINTS") === "<none>" || cell("ENDPOINTS") === "";
    default:
      return false;
  }
}

/**
 * An unhealthy row as a summary names it: with the column that says how it is unhealthy ("kube-proxy (3/4)",
 * "checkout-26l478mgff-5bj6r (CrashLoopBackOff)"), so that the answer carries the state and not only the name.
 */
export function unhealthyRowLabel(kind: string, columns: string[], row: Cell[], name: string): string {
  const state = unhealthyState(kind, cellReader(columns, row));
  return state ? `${name} (${state})` : name;
}

function unhealthyState(kind: string, cell: (column: string) => string): string {
  switch (kind) {
    case "pods":
      // A Running pod that is not ready says so by its READY count.
      return cell("STATUS") === "Running" ? cell("READY") : cell("STATUS");
    case "deployments":
    case "statefulsets":
      return cell("READY");
    case "replicasets":
    case "daemonsets":
      return cell("DESIRED") ? `${cell("READY") || 0}/${cell("DESIRED")}` : "";
    case "nodes":
    case "persistentvolumeclaims":
      return cell("STATUS");
    default:
      return "";
  }
}

/** A row's cell by kubectl's column name, "" when the column is absent or empty. */
function cellReader(columns: string[], row: Cell[]): (column: string) => string {
  return (column) => {
    const index = columns.indexOf(column);
    return index >= 0 && row[index] !== null ? String(row[index]) : "";
  };
}

/**
 * A CronJob with no last schedule that has existed for days: any daily or more frequent schedule would have run
 * (a weekly or monthly one shows up only after its period, which the table's columns cannot tell).
 */
function neverScheduled(lastSchedule: string, age: string): boolean {
  if (lastSchedule !== "" && lastSchedule !== "<none>") return false;
  const days = /^(\d+)d/.exec(age) ?? /^(\d+)y/.exec(age);
  return days !== null && (age.includes("y") || Number(days[1]) >= 2);
}

/** "2/2" is fully ready; "1/2" and "0/0"-less malformed values are not. */
function fullyReady(ready: string): boolean {
  const match = /^(\d+)\/(\d+)$/.exec(ready);
  return match !== null && match[1] === match[2];
}
