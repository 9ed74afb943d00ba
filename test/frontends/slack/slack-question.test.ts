import { describe, expect, it } from "vitest";
import { channelScopesFrom } from "../../../src/config/channels.js";
import {
  buildSlackQuestion,
  isHelpRequest,
  newRequestId,
  questionText,
} from "../../../src/frontends/slack/slack-question.js";

describe("Slack questions", () => {
  it.each([
    ["<@UBOT> pods in payments", "pods in payments"],
    ["<@UBOT|k8helper>   why is\n checkout  crashing", "why is checkout crashing"],
    ["<@UBOT>", ""],
    ["  查看 kube-system 的服务 ", "查看 kube-system 的服务"],
    [undefined, ""],
    ["logs of api in <http://payments.svc|payments.svc>", "logs of api in payments.svc"],
    [
      "pods in <#C0OPS|ops> with label app=a&amp;b, tier!=web &lt;3",
      "pods in ops with label app=a&b, tier!=web <3",
    ],
    ["see <https://grafana.example.com/d/1>", "see https://grafana.example.com/d/1"],
  ])("questionText(%j) = %j", (raw, expected) => {
    expect(questionText(raw)).toBe(expected);
  });

  it.each([
    ["", true],
    ["help", true],
    ["HELP", true],
    ["帮助", true],
    ["help me find pods", false],
    ["pods", false],
  ])("isHelpRequest(%j) = %s", (text, expected) => {
    expect(isHelpRequest(text)).toBe(expected);
  });

  it("builds a Slack question with the channel's scope and a short request id", () => {
    const channels = channelScopesFrom({
      C0PAY: { namespaces: ["payments"] },
      dm: { namespaces: ["default"] },
    });
    const question = buildSlackQuestion(
      "pods",
      { user: "U1", channel: "C0PAY", isDirect: false },
      channels,
      true,
    );
    expect(question).toMatchObject({
      text: "pods",
      user: "U1",
      channel: "C0PAY",
      frontend: "slack",
      fresh: true,
    });
    expect(question.scope).toEqual({
      namespaces: ["payments"],
      // No default configured: a question that names no namespace covers the channel's namespaces.
      defaultNamespace: undefined,
      cluster: undefined,
    });
    expect(question.requestId).toMatch(/^[0-9a-f]{8}$/);
    expect(
      buildSlackQuestion("pods", { user: "U1", channel: "D1", isDirect: true }, channels).scope.namespaces,
    ).toEqual(["default"]);
    expect(new Set(Array.from({ length: 100 }, newRequestId)).size).toBe(100);
  });
});
