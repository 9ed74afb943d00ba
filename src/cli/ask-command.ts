import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import type { Command } from "commander";
import { createConversations } from "../core/conversation/index.js";
import { renderAnswerText } from "../frontends/cli/render-text.js";
import { containerForCli } from "./cli-container.js";
import { cliConversationState } from "./conversation-state.js";

interface AskFlags {
  json?: boolean;
  namespace?: string;
  planner?: string;
  kubeconfig?: string;
  context?: string;
  fresh?: boolean;
  continue?: boolean;
}

/** `k8helper ask QUESTION`: the whole pipeline from the terminal. */
export function registerAskCommand(program: Command): void {
  program
    .command("ask")
    .description("ask a question about the cluster (English or Chinese) and print the answer")
    .argument(
      "<question...>",
      'the question, e.g. "pods in kube-system" or "查看kube-system命名空间中的服务"',
    )
    .option("--json", "print the Answer as JSON")
    .option("-n, --namespace <namespace>", "namespace for a question that names none")
    .option("--planner <planner>", "builtin, openai, hunyuan or hybrid (default: the configuration)")
    .option("--kubeconfig <file>", "kubeconfig file (default: KUBECONFIG or ~/.kube/config)")
    .option("--context <context>", "kubeconfig context (cluster) to ask")
    .option("--fresh", "skip the answer cache")
    .option("--continue", "a follow-up: read the question with this directory's last conversation")
    .addHelpText(
      "after",
      '\nExamples:\n  k8helper ask "why is checkout crashing in shop?"\n  k8helper ask --continue "show me its logs"\n  k8helper ask 该集群有多少Pod？',
    )
    .action(async (words: string[], flags: AskFlags) => {
      const container = await containerForCli(flags);
      const state = cliConversationState(container.config.stateDir, container.clock);
      const conversations = createConversations({ ...container, store: state.store });
      const conversation = state.conversationFor(process.cwd(), flags.continue === true);
      const answer = await conversations.answer(conversation, {
        text: words.join(" "),
        user: userInfo().username,
        frontend: "cli",
        scope: { defaultNamespace: flags.namespace },
        planner: flags.planner,
        fresh: flags.fresh,
        requestId: randomBytes(4).toString("hex"),
      });
      process.stdout.write(
        flags.json ? `${JSON.stringify(answer, null, 2)}\n` : `${renderAnswerText(answer)}\n`,
      );
      await container.close();
      process.exitCode = answer.error ? 1 : 0;
    });
}
