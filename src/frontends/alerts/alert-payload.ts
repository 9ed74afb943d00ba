import { z } from "zod";

const labels = z.record(z.string(), z.string());

const alertSchema = z.object({
  status: z.enum(["firing", "resolved"]),
  labels: labels.refine((l) => typeof l.alertname === "string" && l.alertname !== "", {
    error: "every alert needs an alertname label",
  }),
  annotations: labels.default({}),
  startsAt: z.string().min(1),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1).max(64),
});

/** Alertmanager's webhook payload, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const alertGroupSchema = z.object({
  version: z.literal("4", { error: 'only version "4" of the Alertmanager webhook is understood' }),
  groupKey: z.string().min(1).max(2_000),
  truncatedAlerts: z.number().int().min(0).default(0),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string().min(1),
  groupLabels: labels.default({}),
  commonLabels: labels.default({}),
  commonAnnotations: labels.default({}),
  externalURL: z.string().default(""),
  alerts: z.array(alertSchema).min(1).max(1_000),
});

export type AlertGroup = z.infer<typeof alertGroupSchema>;
export type Alert = AlertGroup["alerts"][number];

/** A payload Alertmanager could send, or the problems with it in plain words. */
export function parseAlertGroup(body: unknown): { group: AlertGroup } | { problems: string[] } {
  const parsed = alertGroupSchema.safeParse(body);
  if (parsed.success) return { group: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`),
  };
}
