import type { ToolCall } from "../answer.js";
import type { Language } from "../question.js";
import { chineseKindName } from "./kind-names.js";

/** A progress line for a call about to run: "Looking at pods in kube-system…" / "正在查看 kube-system 中的 Pod…". */
export function describeCallProgress(call: ToolCall, language: Language): string {
  const kind =
    typeof call.args.kind === "string" ? call.args.kind : call.tool === "get_pod_logs" ? "logs" : undefined;
  const namespace = typeof call.args.namespace === "string" ? call.args.namespace : undefined;
  const everywhere = call.args.all_namespaces === true;
  if (language === "zh") {
    const place = namespace ? ` ${namespace} 中的` : everywhere ? "所有命名空间的" : "";
    if (call.tool === "diagnose") return `正在诊断${place || "集群"}…`;
    if (call.tool === "cluster_overview") return "正在查看集群概况…";
    const what = kind ? (kind === "logs" ? "日志" : chineseKindName(kind)) : call.tool;
    return `正在查看${place}${/^[A-Za-z]/.test(what) ? ` ${what}` : what}…`.replace(/\s+/g, " ");
  }
  const place = namespace ? ` in ${namespace}` : everywhere ? " in all namespaces" : "";
  if (call.tool === "diagnose") return `Diagnosing${place || " the cluster"}…`;
  if (call.tool === "cluster_overview") return "Looking at the cluster overview…";
  return `Looking at ${kind ?? call.tool.replace(/_/g, " ")}${place}…`;
}

export function planningProgress(language: Language): string {
  return language === "zh" ? "正在理解问题…" : "Working out what to look at…";
}
