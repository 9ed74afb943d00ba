import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/core/ports.js";
import { keyFacts } from "../../../src/core/tools/describe-facts.js";

// kubectl describe's lines that have no `fields` value: QoS class, restart policy, command, args, schedule, data.
const words = ["alpha", "beta", "gamma", "delta", "omega"];
const nameOf = (index: number) => `${words[index % words.length]}-${index}`;
const line = (object: KubeObject, label: string) => keyFacts(object).find(([key]) => key === label)?.[1];

function container(index: number) {
  return {
    name: `c-${nameOf(index)}`,
    image: `registry.example/${nameOf(index)}:${index}.0`,
    command: [`/bin/${nameOf(index)}`],
    args: [`--flag-${index}`, `--level=${index}`],
  };
}

describe("describe's key facts", () => {
  it.each([0, 1, 2, 3])(
    "a pod's QoS class, restart policy and its one container's command and args (%i)",
    (i) => {
      const qos = ["Burstable", "Guaranteed", "BestEffort"][i % 3];
      const policy = ["Always", "Never", "OnFailure"][i % 3];
      const pod: KubeObject = {
        kind: "Pod",
        metadata: { name: nameOf(i), namespace: "ns" },
        spec: { restartPolicy: policy, containers: [container(i)] },
        status: { phase: "Running", qosClass: qos },
      };
      expect(line(pod, "QoS Class")).toBe(qos);
      expect(line(pod, "Restart Policy")).toBe(policy);
      expect(line(pod, "Command")).toBe(`/bin/${nameOf(i)}`);
      expect(line(pod, "Args")).toBe(`--flag-${i} --level=${i}`);
    },
  );

  it.each([2, 3])("several containers are named on their args line (%i containers)", (count) => {
    const containers = Array.from({ length: count }, (_, i) => container(i));
    const deployment: KubeObject = {
      kind: "Deployment",
      metadata: { name: "w" },
      spec: { template: { spec: { containers } } },
    };
    for (const each of containers)
      expect(line(deployment, "Args")).toContain(`${each.name}: ${each.args.join(" ")}`);
  });

  it.each([0, 1, 2])("a CronJob's schedule, image and restart policy; a Job's too (%i)", (i) => {
    const schedule = `${i} ${i + 1} * * *`;
    const template = { spec: { restartPolicy: "Never", containers: [container(i)] } };
    const cronjob: KubeObject = {
      kind: "CronJob",
      metadata: { name: nameOf(i) },
      spec: { schedule, jobTemplate: { spec: { template } } },
    };
    expect(line(cronjob, "Schedule")).toBe(`"${schedule}"`);
    expect(line(cronjob, "Images")).toBe(container(i).image);
    expect(line(cronjob, "Restart Policy")).toBe("Never");
    const job: KubeObject = { kind: "Job", metadata: { name: nameOf(i) }, spec: { template }, status: {} };
    expect(line(job, "Restart Policy")).toBe("Never");
    expect(line(job, "Images")).toBe(container(i).image);
  });

  it.each([1, 2, 4])("a ConfigMap's data, every key with its value (%i keys)", (count) => {
    const data = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`key.${nameOf(i)}`, `value-${i}\n`]),
    );
    const configmap = { kind: "ConfigMap", metadata: { name: "cm" }, data } as KubeObject;
    for (const [key, value] of Object.entries(data))
      expect(line(configmap, "Data")).toContain(`${key}=${value.trim()}`);
  });
});
