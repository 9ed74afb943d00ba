// The cluster health strip: nodes ready, unhealthy workloads, warnings of the last hour; refreshed every minute.
import { element } from "./render-answer.js";

export const HEALTH_REFRESH_MS = 60_000;

/** Asks for the cluster overview (answered from the cache when fresh) and shows its facts in `strip`. */
export function startHealthStrip(strip, ask) {
  const refresh = async () => {
    try {
      const answer = await ask("cluster overview");
      const facts = answer?.calls?.find((call) => call.tool === "cluster_overview" && call.ok)?.facts;
      if (!facts) throw new Error(answer?.error?.message ?? "no overview");
      const nodes = facts.nodes ?? { ready: 0, total: 0 };
      const unhealthy = (facts.workloadsBelowDesired ?? []).length;
      const items = [
        ["cluster", `${answer.cluster}`, "ok"],
        ["nodes", `${nodes.ready}/${nodes.total} nodes ready`, nodes.ready < nodes.total ? "bad" : "ok"],
        [
          "workloads",
          `${unhealthy} unhealthy workload${unhealthy === 1 ? "" : "s"}`,
          unhealthy > 0 ? "bad" : "ok",
        ],
        [
          "warnings",
          `${facts.warningEvents ?? 0} warnings in the last hour`,
          facts.warningEvents > 0 ? "warn" : "ok",
        ],
      ];
      strip.replaceChildren(
        ...items.map(([name, text, state]) => {
          const item = element("span", text, `health-item health-${state}`);
          item.dataset.health = name;
          return item;
        }),
        element("span", `updated ${new Date().toLocaleTimeString()}`, "health-updated"),
      );
      strip.dataset.state = "ready";
    } catch (error) {
      strip.replaceChildren(
        element("span", `Cluster health unavailable: ${error.message}`, "health-item health-warn"),
      );
      strip.dataset.state = "error";
    }
  };
  refresh();
  return setInterval(refresh, HEALTH_REFRESH_MS);
}
