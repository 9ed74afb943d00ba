import type { KubeObject } from "../../core/ports.js";
import { event } from "./cluster-objects.js";
import { minute, type SampleContext } from "./sample-context.js";

const ns = "shop";

/** The events kubelet and the scheduler leave behind a crash-looping pod. */
export function crashEvents(ctx: SampleContext, pod: KubeObject, node: string): void {
  const container = "spec.containers{checkout}";
  const image = "registry.example.com/shop/checkout:3.8.2";
  event(ctx, pod, {
    type: "Normal",
    reason: "Pulled",
    message: `Container image "${image}" already present on machine`,
    component: "kubelet",
    host: node,
    count: 15,
    firstAgo: 52 * minute,
    lastAgo: 4 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Normal",
    reason: "Created",
    message: "Created container: checkout",
    component: "kubelet",
    host: node,
    count: 15,
    firstAgo: 52 * minute,
    lastAgo: 4 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Normal",
    reason: "Started",
    message: "Started container checkout",
    component: "kubelet",
    host: node,
    count: 15,
    firstAgo: 52 * minute,
    lastAgo: 4 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Warning",
    reason: "BackOff",
    message: `Back-off restarting failed container checkout in pod ${pod.metadata.name}_${ns}(${pod.metadata.uid})`,
    component: "kubelet",
    host: node,
    count: 231,
    firstAgo: 50 * minute,
    lastAgo: 20,
    fieldPath: container,
  });
}

/** The events of an image that cannot be pulled. */
export function imagePullEvents(ctx: SampleContext, pod: KubeObject, node: string, image: string): void {
  const container = "spec.containers{catalog}";
  event(ctx, pod, {
    type: "Normal",
    reason: "Scheduled",
    message: `Successfully assigned ${ns}/${pod.metadata.name} to ${node}`,
    component: "default-scheduler",
    firstAgo: 38 * minute,
  });
  event(ctx, pod, {
    type: "Normal",
    reason: "Pulling",
    message: `Pulling image "${image}"`,
    component: "kubelet",
    host: node,
    count: 11,
    firstAgo: 38 * minute,
    lastAgo: 3 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Warning",
    reason: "Failed",
    message: `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`,
    component: "kubelet",
    host: node,
    count: 11,
    firstAgo: 38 * minute,
    lastAgo: 3 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Warning",
    reason: "Failed",
    message: "Error: ErrImagePull",
    component: "kubelet",
    host: node,
    count: 11,
    firstAgo: 38 * minute,
    lastAgo: 3 * minute,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Normal",
    reason: "BackOff",
    message: `Back-off pulling image "${image}"`,
    component: "kubelet",
    host: node,
    count: 160,
    firstAgo: 38 * minute,
    lastAgo: 40,
    fieldPath: container,
  });
  event(ctx, pod, {
    type: "Warning",
    reason: "Failed",
    message: "Error: ImagePullBackOff",
    component: "kubelet",
    host: node,
    count: 160,
    firstAgo: 38 * minute,
    lastAgo: 40,
    fieldPath: container,
  });
}
