import { Cron } from "croner";
import { z } from "zod";
import { CodedError } from "../core/errors.js";
import { parseConfigYaml, readConfigFile } from "./config-file.js";

const channelId = z
  .string()
  .regex(/^[CG][A-Z0-9]{2,}$/, { error: "must be a Slack channel id such as C0123ABCD" });

const cronExpression = z.string().refine(
  (expression) => {
    try {
      new Cron(expression, { paused: true }).stop();
      return true;
    } catch {
      return false;
    }
  },
  { error: "must be a cron expression such as '0 9 * * 1-5'" },
);

const routeSchema = z
  .strictObject({
    receiver: z.string().min(1).optional(),
    match: z.record(z.string(), z.string()).optional(),
    channel: channelId,
  })
  .refine((route) => route.receiver !== undefined || route.match !== undefined, {
    error: "a route needs a receiver or a match (or both)",
  });

const scheduleSchema = z.strictObject({
  name: z.string().min(1).max(80).optional(),
  cron: cronExpression,
  timezone: z.string().min(1).optional(),
  channel: channelId,
  question: z.string().min(1).max(4_000),
  /** Post only when the answer differs from the last one posted. */
  onlyWhenChanged: z.boolean().default(false),
});

const fileSchema = z.strictObject({
  default: channelId.optional(),
  routes: z.array(routeSchema).default([]),
  schedules: z.array(scheduleSchema).default([]),
});

export type AlertRoutesFile = z.infer<typeof fileSchema>;
export type AlertRoute = z.infer<typeof routeSchema>;
export type ScheduledCheck = z.infer<typeof scheduleSchema>;

/** Where an alert group goes: the first route whose receiver and labels all match, else the default channel. */
export function channelForAlert(
  routes: AlertRoutesFile,
  group: { receiver: string; commonLabels: Record<string, string> },
): string | undefined {
  const route = routes.routes.find(
    (r) =>
      (r.receiver === undefined || r.receiver === group.receiver) &&
      Object.entries(r.match ?? {}).every(([label, value]) => group.commonLabels[label] === value),
  );
  return route?.channel ?? routes.default;
}

/** Parses the K8HELPER_ALERT_ROUTES file (YAML or JSON); every problem listed in one config error. */
export function parseAlertRoutes(text: string, source: string): AlertRoutesFile {
  const parsed = fileSchema.safeParse(parseConfigYaml(text, source));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(file)"}: ${issue.message}`,
    );
    throw new CodedError("config", `${source}: invalid alert routes:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export function loadAlertRoutes(path: string | undefined): AlertRoutesFile {
  if (!path) return { routes: [], schedules: [] };
  return parseAlertRoutes(readConfigFile(path, "K8HELPER_ALERT_ROUTES"), path);
}
