import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/core/ports.js";
import { buildSampleCluster } from "../../src/demo/sample-data.js";

interface LoosePod {
  metadata: { name: string; namespace: string };
  spec: { hostNetwork?: boolean; nodeName?: string };
  status: { podIP?: string; hostIP?: string };
}

const pods = (objects: KubeObject[]) =>
  objects.filter((object) => object.kind === "Pod") as unknown as LoosePod[];

describe("the sample cluster's addresses look like a real cluster's", () => {
  it.each([1, 2, 3, 7, 42, 1234])("seed %i: no two pods on the pod network share an IP", (seed) => {
    const owners = new Map<string, string>();
    for (const pod of pods(buildSampleCluster({ seed, now: 0 }).objects)) {
      const ip = pod.status.podIP;
      if (!ip || pod.spec.hostNetwork) continue;
      const name = `${pod.metadata.namespace}/${pod.metadata.name}`;
      expect(owners.get(ip), `${ip}: ${name} and ${owners.get(ip)}`).toBeUndefined();
      owners.set(ip, name);
    }
    expect(owners.size).toBeGreaterThan(30);
  });

  it("with 10,000 generated pods too", () => {
    const ips = pods(buildSampleCluster({ seed: 1, now: 0, pods: 10_000 }).objects)
      .filter((pod) => pod.status.podIP && !pod.spec.hostNetwork)
      .map((pod) => pod.status.podIP);
    expect(ips.length).toBeGreaterThan(10_000);
    expect(new Set(ips).size).toBe(ips.length);
  });

  it("kube-proxy runs on the host network: its pods' IP is their node's", () => {
    const proxies = pods(buildSampleCluster({ seed: 1, now: 0 }).objects).filter((pod) =>
      pod.metadata.name.startsWith("kube-proxy-"),
    );
    expect(proxies.length).toBeGreaterThan(1);
    for (const pod of proxies) {
      expect(pod.spec.hostNetwork).toBe(true);
      expect(pod.status.podIP).toBe(pod.status.hostIP);
    }
  });

  it("every endpoint address is the IP of the pod it names", () => {
    const { objects } = buildSampleCluster({ seed: 1, now: 0 });
    const ipOf = new Map(
      pods(objects).map((pod) => [`${pod.metadata.namespace}/${pod.metadata.name}`, pod.status.podIP]),
    );
    let checked = 0;
    for (const endpoints of objects.filter((object) => object.kind === "Endpoints")) {
      const subsets =
        (endpoints as unknown as { subsets?: { addresses?: unknown[]; notReadyAddresses?: unknown[] }[] })
          .subsets ?? [];
      for (const subset of subsets)
        for (const address of [...(subset.addresses ?? []), ...(subset.notReadyAddresses ?? [])] as {
          ip: string;
          targetRef?: { kind: string; namespace: string; name: string };
        }[]) {
          if (address.targetRef?.kind !== "Pod") continue;
          expect(address.ip).toBe(ipOf.get(`${address.targetRef.namespace}/${address.targetRef.name}`));
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
