import { createHash, randomUUID } from "node:crypto";
import { type AlertRoutesFile, channelForAlert } from "../../config/alert-routes.js";
import type { ChannelScopes } from "../../config/channels.js";
import type { AnswerService } from "../../core/pipeline/answer-service.js";
import type { Agent, Cache, Clock, Logger, RateLimiter } from "../../core/ports.js";
import type { AlertDelivery } from "./alert-delivery.js";
import { leadAlert, renderAlertMessage, renderInvestigation } from "./alert-message.js";
import { narrateInvestigation } from "./alert-narrative.js";
import type { Alert, AlertGroup } from "./alert-payload.js";
import { alertRecordRef, recallAlert, rememberAlert, rememberInvestigationTs } from "./alert-record.js";
import { alertRequestId, type Investigation, investigateAlert, investigateAlerts } from "./investigate.js";

export interface AlertPosterDeps {
  answers: AnswerService;
  routes: AlertRoutesFile;
  scopes: ChannelScopes;
  /** Shared by every replica (Redis) so that one of them posts. */
  cache: Cache;
  rateLimiter: RateLimiter;
  investigationsPerMinute: number;
  /** Undefined: no Slack, the investigation is only returned (REST bridges, the CLI). */
  delivery?: AlertDelivery;
  clock: Clock;
  logger: Logger;
  /** With an LLM configured: three sentences on top of each investigation in its thread. */
  narrator?: Agent;
}

/** What happened to one webhook call. */
export interface AlertGroupOutcome {
  channel?: string;
  /** `posted` a new message, `updated` the existing one, `duplicate` left to the replica that has it, `not_routed`. */
  action: "posted" | "updated" | "duplicate" | "not_routed" | "investigated";
  ts?: string;
  investigations: Investigation[];
  notes: string[];
}

interface MessageRecord {
  ts: string;
  resolved?: boolean;
}

/** A group of more alerts than this is a storm: one summary message, the first ones investigated. */
export const STORM_SIZE = 10;
const KEEP_SECONDS = 7 * 86_400;
const severityRank: Record<string, number> = { critical: 0, error: 1, warning: 2, info: 3 };

const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 24);

/** Critical first, then the newest: what a storm's investigations look at first. */
function byUrgency(a: Alert, b: Alert): number {
  const rank = (alert: Alert) => severityRank[alert.labels.severity ?? ""] ?? 4;
  return rank(a) - rank(b) || Date.parse(b.startsAt) - Date.parse(a.startsAt);
}

/**
 * One Alertmanager notification: the group's message in its channel (posted once, then updated on
 * repeats and on resolution), and the investigation of each new firing alert in its thread. Keys in
 * the shared cache make every step happen once across replicas.
 */
export async function handleAlertGroup(deps: AlertPosterDeps, group: AlertGroup): Promise<AlertGroupOutcome> {
  const channel = channelForAlert(deps.routes, group);
  const scope = deps.scopes.scopeFor(channel, false);
  const now = deps.clock.now();
  const firing = group.alerts.filter((a) => a.status === "firing").sort(byUrgency);
  if (!deps.delivery || !channel) {
    const investigations = await investigateAlerts(deps.answers, firing.slice(0, STORM_SIZE), {
      scope,
      channel,
      clock: deps.clock,
    });
    return {
      channel,
      action: channel ? "investigated" : "not_routed",
      investigations,
      notes: channel ? [] : ["no route matched and no default channel"],
    };
  }
  const groupId = hash(`${channel}\n${group.groupKey}`);
  const recordKey = `alerts:message:${groupId}`;
  const claimed = await deps.cache.setIfAbsent(`alerts:claim:${groupId}`, randomUUID(), KEEP_SECONDS);
  let record: MessageRecord | undefined;
  const notes: string[] = [];
  const lead = leadAlert(group);
  const ref = alertRecordRef(groupId, lead.fingerprint);
  if (claimed) {
    const ts = await deps.delivery.post(channel, renderAlertMessage(group, now, [], ref));
    record = { ts };
    await deps.cache.set(recordKey, JSON.stringify(record), KEEP_SECONDS);
    await rememberAlert(deps.cache, ref, { channel, messageTs: ts, alert: lead });
  } else {
    const stored = await deps.cache.get(recordKey);
    if (!stored)
      return {
        channel,
        action: "duplicate",
        investigations: [],
        notes: ["another replica is posting this alert group"],
      };
    record = JSON.parse(stored) as MessageRecord;
    // The lead may have changed (a new alert in the group, or it resolved): its record backs the buttons.
    if (!(await recallAlert(deps.cache, ref, channel)))
      await rememberAlert(deps.cache, ref, { channel, messageTs: record.ts, alert: lead });
  }
  const investigations = await investigateNew(deps, firing, {
    channel,
    groupId,
    ts: record.ts,
    scope,
    notes,
  });
  if (group.status === "resolved" && !record.resolved) {
    if (await deps.cache.setIfAbsent(`alerts:resolved:${groupId}`, "1", KEEP_SECONDS)) {
      const lead = group.alerts[0];
      const minutes = Math.round(
        ((Date.parse(lead.endsAt ?? "") || now) - Date.parse(lead.startsAt)) / 60_000,
      );
      await deps.delivery.post(channel, { text: `Resolved after ${minutes} min.`, blocks: [] }, record.ts);
      record = { ...record, resolved: true };
      await deps.cache.set(recordKey, JSON.stringify(record), KEEP_SECONDS);
    }
  } else if (group.status === "firing" && record.resolved) {
    // Firing again after it resolved: the same message comes back to life, and the resolution can be said again.
    await deps.cache.delete(`alerts:resolved:${groupId}`);
    record = { ...record, resolved: false };
    await deps.cache.set(recordKey, JSON.stringify(record), KEEP_SECONDS);
  }
  if (!claimed || notes.length > 0)
    await deps.delivery.update(channel, record.ts, renderAlertMessage(group, now, notes, ref));
  return { channel, action: claimed ? "posted" : "updated", ts: record.ts, investigations, notes };
}

/** Investigates each firing alert not investigated yet (one replica each), within the channel's budget a minute. */
async function investigateNew(
  deps: AlertPosterDeps,
  firing: Alert[],
  where: {
    channel: string;
    groupId: string;
    ts: string;
    scope: ReturnType<ChannelScopes["scopeFor"]>;
    notes: string[];
  },
): Promise<Investigation[]> {
  const investigations: Investigation[] = [];
  const candidates = firing.slice(0, STORM_SIZE);
  if (firing.length > STORM_SIZE)
    where.notes.push(`storm: ${firing.length} alerts, the ${STORM_SIZE} most urgent investigated`);
  let overBudget = 0;
  for (const alert of candidates) {
    const claim = `alerts:investigated:${where.groupId}:${alert.fingerprint}`;
    if (!(await deps.cache.setIfAbsent(claim, "1", KEEP_SECONDS))) continue;
    const decision = await deps.rateLimiter.take(`alerts:${where.channel}`, deps.investigationsPerMinute, 60);
    if (!decision.allowed) {
      await deps.cache.delete(claim); // investigated on a later notification, when the budget allows
      overBudget += 1;
      continue;
    }
    const investigation = await investigateAlert(deps.answers, alert, {
      scope: where.scope,
      channel: where.channel,
      requestId: alertRequestId(alert),
      now: deps.clock.now(),
    });
    investigations.push(investigation);
    const narrative = deps.narrator ? await narrateInvestigation(deps.narrator, investigation) : undefined;
    const posted = await deps.delivery?.post(
      where.channel,
      renderInvestigation(investigation, { now: deps.clock.now() }, narrative),
      where.ts,
    );
    if (posted)
      await rememberInvestigationTs(deps.cache, alertRecordRef(where.groupId, alert.fingerprint), posted);
  }
  if (overBudget > 0)
    where.notes.push(
      `${overBudget} not investigated yet: this channel's budget of ${deps.investigationsPerMinute} investigations a minute is used up`,
    );
  return investigations;
}
