import { afterEach, describe, expect, it } from "vitest";
import { type SimulatedCluster, startSimulatedCluster } from "../../src/demo/cluster-server.js";
import { rawRequest } from "./raw-request.js";

const minute = 60_000;
let cluster: SimulatedCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

interface Event {
  reason: string;
  count: number;
  lastTimestamp: string;
  series?: { count: number; lastObservedTime: string };
  involvedObject: { name: string };
}

async function events(namespace: string): Promise<Map<string, Event>> {
  const list = (await rawRequest(cluster!.kubeconfigPath, `/api/v1/namespaces/${namespace}/events`)).json();
  return new Map(
    (list.items as Event[]).map((event) => [`${event.involvedObject.name} ${event.reason}`, event]),
  );
}

const backOff = (events: Map<string, Event>) =>
  [...events.entries()].find(([key]) => key.startsWith("checkout-") && key.endsWith(" BackOff"))![1];
const scheduled = (events: Map<string, Event>) =>
  [...events.entries()].find(([key]) => key.endsWith(" Scheduled"))![1];

describe("the demo's events of faults still going on (issue 17: counts froze at start)", () => {
  it("recur as time passes: a crash loop's BackOff counts up and was last seen lately", async () => {
    let time = Date.parse("2026-12-02T12:00:00Z");
    cluster = await startSimulatedCluster({ liveEvents: true, clock: () => time });
    const before = await events("shop");
    time += 10 * minute;
    const after = await events("shop");

    expect(backOff(after).count).toBeGreaterThan(backOff(before).count + 10);
    expect(time - Date.parse(backOff(after).lastTimestamp)).toBeLessThan(minute);
    // A one-off event (the pod was scheduled once) stays as it was.
    expect(scheduled(after)).toEqual(scheduled(before));
  });

  it("recur in an events.k8s.io series too (the edge gateway's back-off)", async () => {
    let time = Date.parse("2026-12-02T12:00:00Z");
    cluster = await startSimulatedCluster({ liveEvents: true, clock: () => time });
    const series = (all: Map<string, Event>) => [...all.values()].find((event) => event.series)!.series!;
    const before = series(await events("edge"));
    time += 10 * minute;
    const after = series(await events("edge"));
    expect(after.count).toBeGreaterThan(before.count);
    expect(after.lastObservedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Date.parse(after.lastObservedTime)).toBeGreaterThan(Date.parse(before.lastObservedTime));
  });

  it("stay still without liveEvents, as the tests' clusters are", async () => {
    let time = Date.parse("2026-12-02T12:00:00Z");
    cluster = await startSimulatedCluster({ clock: () => time });
    const before = await events("shop");
    time += 10 * minute;
    expect(backOff(await events("shop"))).toEqual(backOff(before));
  });
});
