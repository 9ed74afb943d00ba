import type { ErrorCode } from "../errors.js";

/**
 * What each error code means, in Chinese: the adapters' messages are English (they carry URLs, names and the API
 * server's own words), so a Chinese answer leads with this and keeps the message as the detail.
 */
const CHINESE_ERROR_LEADS: Record<ErrorCode, string> = {
  bad_request: "参数有误",
  refused: "已拒绝（K8Helper 只读）",
  out_of_scope: "超出本频道允许的命名空间",
  rate_limited: "请求过于频繁",
  forbidden: "没有权限",
  not_found: "不存在",
  ambiguous: "名称匹配到多个对象",
  unreachable: "无法连接 Kubernetes API",
  timeout: "超时",
  gone: "分页令牌已过期，请重新提问",
  server_error: "集群返回了错误",
  llm_error: "大模型出错",
  config: "配置有误",
};

/** "不存在（No pod named "x" in shop）"; the message alone for a code this table does not know. */
export function chineseErrorText(code: string | undefined, message: string): string {
  const lead = code ? CHINESE_ERROR_LEADS[code as ErrorCode] : undefined;
  if (!lead) return message;
  return message ? `${lead}（${message}）` : lead;
}
