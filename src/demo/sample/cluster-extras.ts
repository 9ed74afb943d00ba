import type { KubeObject } from "../../core/ports.js";
import { event } from "./cluster-objects.js";
import type { SampleNode } from "./nodes.js";
import { addObject, day, minute, objectMeta, type SampleContext } from "./sample-context.js";
import { storageClass } from "./storage-objects.js";

/** The widgets.example.com CRD (short name `wd`) and a few widgets. */
export function buildWidgets(ctx: SampleContext): void {
  const names = {
    plural: "widgets",
    singular: "widget",
    kind: "Widget",
    listKind: "WidgetList",
    shortNames: ["wd"],
  };
  const at = new Date(ctx.now - 15 * day * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  addObject(ctx, {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: objectMeta(ctx, "widgets.example.com", { createdAgo: 15 * day }),
    spec: {
      group: "example.com",
      names,
      scope: "Namespaced",
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          additionalPrinterColumns: [
            { name: "Size", type: "string", jsonPath: ".spec.size" },
            { name: "Color", type: "string", jsonPath: ".spec.color" },
            { name: "Phase", type: "string", jsonPath: ".status.phase", priority: 1 },
            { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" },
          ],
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: {
                spec: {
                  type: "object",
                  properties: {
                    size: { type: "string" },
                    color: { type: "string" },
                    replicas: { type: "integer" },
                  },
                },
                status: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
              },
            },
          },
        },
      ],
    },
    status: {
      acceptedNames: names,
      storedVersions: ["v1"],
      conditions: [
        {
          type: "NamesAccepted",
          status: "True",
          reason: "NoConflicts",
          message: "no conflicts found",
          lastTransitionTime: at,
        },
        {
          type: "Established",
          status: "True",
          reason: "InitialNamesAccepted",
          message: "the initial names have been accepted",
          lastTransitionTime: at,
        },
      ],
    },
  });
  const widget = (ns: string, name: string, spec: Record<string, unknown>, createdAgo: number) =>
    addObject(ctx, {
      apiVersion: "example.com/v1",
      kind: "Widget",
      metadata: objectMeta(ctx, name, {
        namespace: ns,
        createdAgo,
        labels: { "app.kubernetes.io/managed-by": "widget-controller" },
      }),
      spec,
      status: { phase: "Ready" },
    });
  widget("shop", "gizmo-blue", { size: "large", color: "blue", replicas: 2 }, 14 * day);
  widget("shop", "gizmo-red", { size: "small", color: "red", replicas: 1 }, 9 * day);
  widget("default", "sprocket", { size: "medium", color: "green", replicas: 1 }, 3 * day);
}

export function buildStorageClasses(ctx: SampleContext): void {
  storageClass(ctx, "standard", "rancher.io/local-path", true, 45 * day);
  storageClass(ctx, "premium-rwo", "pd.csi.storage.gke.io", false, 45 * day);
}

/** Node-level faults: the events that explain the NotReady node and the one under memory pressure. */
export function plantNodeFaults(ctx: SampleContext, nodes: SampleNode[]): void {
  const nodeObject = (name: string) =>
    ctx.objects.find((o) => o.kind === "Node" && o.metadata.name === name) as KubeObject;
  for (const node of nodes) {
    const object = nodeObject(node.name);
    if (node.condition === "NotReady") {
      event(ctx, object, {
        type: "Normal",
        reason: "NodeNotReady",
        message: `Node ${node.name} status is now: NodeNotReady`,
        component: "node-controller",
        firstAgo: 45 * minute,
      });
      ctx.faults.push({ reason: "NodeNotReady", kind: "Node", name: node.name });
    }
    if (node.condition === "MemoryPressure") {
      event(ctx, object, {
        type: "Normal",
        reason: "NodeHasInsufficientMemory",
        message: `Node ${node.name} status is now: NodeHasInsufficientMemory`,
        component: "kubelet",
        host: node.name,
        firstAgo: 25 * minute,
      });
      event(ctx, object, {
        type: "Warning",
        reason: "EvictionThresholdMet",
        message: "Attempting to reclaim memory",
        component: "kubelet",
        host: node.name,
        count: 6,
        firstAgo: 25 * minute,
        lastAgo: 2 * minute,
      });
      ctx.faults.push({ reason: "MemoryPressure", kind: "Node", name: node.name });
    }
  }
}
