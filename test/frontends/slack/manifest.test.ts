import { readFileSync } from "node:fs";
import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { registerListeners } from "../../../src/frontends/slack/listeners/index.js";
import type { SlackDeps } from "../../../src/frontends/slack/slack-deps.js";

interface Manifest {
  features: {
    slash_commands: { command: string; url?: string }[];
    app_home: { messages_tab_enabled: boolean; home_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

/** What the code listens to, read by registering the real listeners on a recorder with Bolt's method names. */
function listenedTo() {
  const seen = { commands: [] as string[], events: [] as string[], actions: [] as string[] };
  const recorder = {
    command: (name: string) => seen.commands.push(name),
    event: (name: string) => seen.events.push(name),
    action: (id: string) => seen.actions.push(id),
  };
  registerListeners(recorder as unknown as App, {} as SlackDeps);
  return seen;
}

const manifests = {
  socket: parse(readFileSync("manifest/slack-app-socket-mode.yaml", "utf8")) as Manifest,
  http: parse(readFileSync("manifest/slack-app-http.yaml", "utf8")) as Manifest,
};

describe.each(Object.entries(manifests))("the %s manifest", (mode, manifest) => {
  const code = listenedTo();

  it("declares exactly the slash commands the code handles", () => {
    expect(manifest.features.slash_commands.map((command) => command.command).sort()).toEqual(
      [...code.commands].sort(),
    );
  });

  it("subscribes to exactly the events the code handles (message only as DMs)", () => {
    const expected = code.events.map((event) => (event === "message" ? "message.im" : event)).sort();
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(expected);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    // The App Home tab is published on app_home_opened.
    expect(manifest.features.app_home.home_tab_enabled).toBe(code.events.includes("app_home_opened"));
  });

  it("enables interactivity for the buttons", () => {
    expect(code.actions.length).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("asks for the bot scopes those need, and no others", () => {
    const needed = new Set(["chat:write", "files:write"]);
    if (code.commands.length > 0) needed.add("commands");
    if (code.events.includes("app_mention")) needed.add("app_mentions:read");
    if (code.events.includes("message")) needed.add("im:history");
    // The intro when invited: member_joined_channel needs channels:read (public) and groups:read (private).
    if (code.events.includes("member_joined_channel")) {
      needed.add("channels:read");
      needed.add("groups:read");
    }
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it(
    mode === "socket" ? "turns Socket Mode on and needs no URLs" : "points every URL at /slack/events",
    () => {
      expect(manifest.settings.socket_mode_enabled).toBe(mode === "socket");
      const urls = [
        ...manifest.features.slash_commands.map((command) => command.url),
        manifest.settings.event_subscriptions.request_url,
        manifest.settings.interactivity.request_url,
      ];
      for (const url of urls) {
        if (mode === "socket") expect(url).toBeUndefined();
        else expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
      }
    },
  );
});
