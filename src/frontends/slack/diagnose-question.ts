import type { Language } from "../../core/question.js";

/** The question text a Diagnose click stands for, in the language of the question it came from. */
export function diagnoseQuestionText(args: Record<string, string | boolean>, language: Language): string {
  const target = [args.kind, args.name].filter((value) => typeof value === "string").join(" ");
  const namespace = typeof args.namespace === "string" ? args.namespace : undefined;
  if (language === "zh") {
    const place = namespace ? `${namespace} 中的` : args.all_namespaces ? "所有命名空间的" : "";
    return `诊断${place}${target || "问题"}`;
  }
  const place = namespace ? ` in ${namespace}` : args.all_namespaces ? " in all namespaces" : "";
  return `diagnose ${target || "problems"}${place}`;
}

/** The question text a Logs click stands for ("previous logs of pod x in shop"). */
export function logsQuestionText(args: Record<string, string | boolean>, language: Language): string {
  const name = typeof args.name === "string" ? args.name : "";
  const namespace = typeof args.namespace === "string" ? args.namespace : undefined;
  if (language === "zh") {
    const place = namespace ? `${namespace} 中` : "";
    return `${place} pod ${name} 的${args.previous === true ? "上一个容器" : ""}日志`.trim();
  }
  return `${args.previous === true ? "previous " : ""}logs of pod ${name}${namespace ? ` in ${namespace}` : ""}`;
}
