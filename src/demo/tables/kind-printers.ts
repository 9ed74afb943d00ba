import type { ServedType } from "../resource-types.js";
import {
  configMapPrinter,
  crdPrinter,
  eventPrinter,
  genericPrinter,
  namespacePrinter,
  nodePrinter,
  serviceAccountPrinter,
} from "./cluster-columns.js";
import { endpointsPrinter, ingressPrinter, networkPolicyPrinter, servicePrinter } from "./network-columns.js";
import { podPrinter } from "./pod-columns.js";
import type { KindPrinter } from "./printer.js";
import { pvcPrinter, pvPrinter, storageClassPrinter } from "./storage-columns.js";
import {
  cronJobPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  hpaPrinter,
  jobPrinter,
  pdbPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
} from "./workload-columns.js";

/** kubectl's server-side columns by kind; a kind not listed gets NAME and AGE, like a CRD without printer columns. */
const printers: Record<string, KindPrinter> = {
  Pod: podPrinter,
  Node: nodePrinter,
  Namespace: namespacePrinter,
  Event: eventPrinter,
  ConfigMap: configMapPrinter,
  ServiceAccount: serviceAccountPrinter,
  CustomResourceDefinition: crdPrinter,
  Service: servicePrinter,
  Endpoints: endpointsPrinter,
  Ingress: ingressPrinter,
  NetworkPolicy: networkPolicyPrinter,
  PersistentVolumeClaim: pvcPrinter,
  PersistentVolume: pvPrinter,
  StorageClass: storageClassPrinter,
  Deployment: deploymentPrinter,
  ReplicaSet: replicaSetPrinter,
  ReplicationController: replicaSetPrinter,
  StatefulSet: statefulSetPrinter,
  DaemonSet: daemonSetPrinter,
  Job: jobPrinter,
  CronJob: cronJobPrinter,
  HorizontalPodAutoscaler: hpaPrinter,
  PodDisruptionBudget: pdbPrinter,
};

export function printerFor(type: ServedType): KindPrinter {
  if (type.group === "metrics.k8s.io") return genericPrinter;
  return printers[type.kind] ?? genericPrinter;
}
