import type { KubeObject } from "../../core/ports.js";
import {
  age,
  containerImages,
  containerNames,
  humanDuration,
  type Loose,
  labelSelectorText,
  loose,
  since,
} from "./format.js";
import type { ColumnSpec, KindPrinter } from "./printer.js";

const wideTemplate: ColumnSpec[] = [
  ["Containers", "string", 1],
  ["Images", "string", 1],
  ["Selector", "string", 1],
];

function templateCells(workload: Loose): string[] {
  const spec = workload.spec?.template?.spec ?? workload.spec?.jobTemplate?.spec?.template?.spec;
  return [containerNames(spec), containerImages(spec), labelSelectorText(workload.spec?.selector)];
}

const n = (value: unknown) => (typeof value === "number" ? value : 0);

export const deploymentPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Ready", "string", 0],
    ["Up-to-date", "string", 0],
    ["Available", "string", 0],
    ["Age", "string", 0],
    ...wideTemplate,
  ],
  cells(object: KubeObject, now: number) {
    const d = loose(object);
    const s = d.status ?? {};
    return [
      d.metadata.name,
      `${n(s.readyReplicas)}/${n(d.spec?.replicas)}`,
      n(s.updatedReplicas),
      n(s.availableReplicas),
      age(object, now),
      ...templateCells(d),
    ];
  },
};

const replicaColumns: ColumnSpec[] = [
  ["Name", "string", 0, "name"],
  ["Desired", "integer", 0],
  ["Current", "integer", 0],
  ["Ready", "integer", 0],
  ["Age", "string", 0],
  ...wideTemplate,
];

export const replicaSetPrinter: KindPrinter = {
  columns: replicaColumns,
  cells(object, now) {
    const rs = loose(object);
    const s = rs.status ?? {};
    return [
      rs.metadata.name,
      n(rs.spec?.replicas),
      n(s.replicas),
      n(s.readyReplicas),
      age(object, now),
      ...templateCells(rs),
    ];
  },
};

export const statefulSetPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Ready", "string", 0],
    ["Age", "string", 0],
    ["Containers", "string", 1],
    ["Images", "string", 1],
  ],
  cells(object, now) {
    const sts = loose(object);
    return [
      sts.metadata.name,
      `${n(sts.status?.readyReplicas)}/${n(sts.spec?.replicas)}`,
      age(object, now),
      ...templateCells(sts).slice(0, 2),
    ];
  },
};

export const daemonSetPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Desired", "integer", 0],
    ["Current", "integer", 0],
    ["Ready", "integer", 0],
    ["Up-to-date", "integer", 0],
    ["Available", "integer", 0],
    ["Node Selector", "string", 0],
    ["Age", "string", 0],
    ...wideTemplate,
  ],
  cells(object, now) {
    const ds = loose(object);
    const s = ds.status ?? {};
    return [
      ds.metadata.name,
      n(s.desiredNumberScheduled),
      n(s.currentNumberScheduled),
      n(s.numberReady),
      n(s.updatedNumberScheduled),
      n(s.numberAvailable),
      labelSelectorText(ds.spec?.template?.spec?.nodeSelector),
      age(object, now),
      ...templateCells(ds),
    ];
  },
};

function jobStatus(job: Loose): string {
  const conditions: Loose[] = job.status?.conditions ?? [];
  const has = (type: string) => conditions.some((c) => c.type === type && c.status === "True");
  if (has("Complete")) return "Complete";
  if (has("Failed")) return "Failed";
  if (job.spec?.suspend) return "Suspended";
  return "Running";
}

export const jobPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Status", "string", 0],
    ["Completions", "string", 0],
    ["Duration", "string", 0],
    ["Age", "string", 0],
    ...wideTemplate,
  ],
  cells(object, now) {
    const job = loose(object);
    const start = job.status?.startTime;
    const end = job.status?.completionTime;
    const duration = !start
      ? ""
      : end
        ? humanDuration(Date.parse(end) - Date.parse(start))
        : since(start, now);
    return [
      job.metadata.name,
      jobStatus(job),
      `${n(job.status?.succeeded)}/${job.spec?.completions ?? 1}`,
      duration,
      age(object, now),
      ...templateCells(job),
    ];
  },
};

export const cronJobPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Schedule", "string", 0],
    ["Timezone", "string", 0],
    ["Suspend", "boolean", 0],
    ["Active", "integer", 0],
    ["Last Schedule", "string", 0],
    ["Age", "string", 0],
    ...wideTemplate,
  ],
  cells(object, now) {
    const cj = loose(object);
    const last = cj.status?.lastScheduleTime;
    return [
      cj.metadata.name,
      cj.spec?.schedule ?? "",
      cj.spec?.timeZone ?? "<none>",
      Boolean(cj.spec?.suspend),
      (cj.status?.active ?? []).length,
      last ? since(last, now) : "<none>",
      age(object, now),
      ...templateCells(cj),
    ];
  },
};

export const hpaPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Reference", "string", 0],
    ["Targets", "string", 0],
    ["MinPods", "string", 0],
    ["MaxPods", "string", 0],
    ["Replicas", "string", 0],
    ["Age", "string", 0],
  ],
  cells(object, now) {
    const hpa = loose(object);
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const targets = (hpa.spec?.metrics ?? []).map((metric: Loose, i: number) => {
      const name = metric.resource?.name ?? "metric";
      const current = hpa.status?.currentMetrics?.[i]?.resource?.current?.averageUtilization;
      const target = metric.resource?.target?.averageUtilization;
      return `${name}: ${current === undefined ? "<unknown>" : `${current}%`}/${target}%`;
    });
    return [
      hpa.metadata.name,
      `${ref.kind}/${ref.name}`,
      targets.length > 0 ? targets.join(", ") : "<none>",
      hpa.spec?.minReplicas ?? 1,
      hpa.spec?.maxReplicas ?? 0,
      n(hpa.status?.currentReplicas),
      age(object, now),
    ];
  },
};

export const pdbPrinter: KindPrinter = {
  columns: [
    ["Name", "string", 0, "name"],
    ["Min Available", "string", 0],
    ["Max Unavailable", "string", 0],
    ["Allowed Disruptions", "integer", 0],
    ["Age", "string", 0],
  ],
  cells(object, now) {
    const pdb = loose(object);
    return [
      pdb.metadata.name,
      pdb.spec?.minAvailable === undefined ? "N/A" : String(pdb.spec.minAvailable),
      pdb.spec?.maxUnavailable === undefined ? "N/A" : String(pdb.spec.maxUnavailable),
      n(pdb.status?.disruptionsAllowed),
      age(object, now),
    ];
  },
};
