import type { Command } from "commander";
import { addOutputOptions, followNotice, type OutputFlags, printAnswer } from "./answer-output.js";

interface AskFlags extends OutputFlags {
  namespace?: string;
  planner?: string;
  kubeconfig?: string;
  context?: string;
  fresh?: boolean;
  snapshot?: string;
  continue?: boolean;
}

/** `k8helper ask QUESTION`: the whole pipeline from the terminal. */
export function registerAskCommand(program: Command): void {
  const command = program
    .command("ask")
    .description("ask a question about the cluster (English or Chinese) and print the answer")
    .argument(
      "<question...>",
      'the question, e.g. "pods in kube-system" or "查看kube-system命名空间中的服务"',
    )
    .option("-n, --namespace <namespace>", "namespace for a question that names none")
    .option("--planner <planner>", "builtin, openai, hunyuan or hybrid (default: the configuration)")
    .option("--kubeconfig <file>", "kubeconfig file (default: KUBECONFIG or ~/.kube/config)")
    .option("--context <context>", "kubeconfig context (cluster) to ask")
    .option("--fresh", "skip the answer cache")
    .option(
      "--snapshot <path>",
      "ask about a snapshot (cluster-info dump, support bundle, YAML files) instead of a live cluster",
    )
    .option("--continue", "a follow-up: read the question with this directory's last conversation");
  addOutputOptions(command)
    .addHelpText(
      "after",
      '\nExamples:\n  k8helper ask "why is checkout crashing in shop?"\n  k8helper ask --continue "show me its logs"\n  k8helper ask 该集群有多少Pod？\n  k8helper ask -o yaml "pods in shop"',
    )
    .action(async (words: string[], flags: AskFlags) => {
      const [{ randomBytes }, { userInfo }, { containerForCli, exitWithError }, { startSpinner }] =
        await Promise.all([
          import("node:crypto"),
          import("node:os"),
          import("./cli-container.js"),
          import("../frontends/cli/spinner.js"),
        ]);
      const { parseOutputFormat } = await import("../frontends/cli/print-answer.js");
      const { checkSnapshotFlags, startSnapshotCluster } = await import("./snapshot-cluster.js");
      try {
        parseOutputFormat(flags.output, flags.json);
        checkSnapshotFlags(flags);
      } catch (error) {
        exitWithError(error);
      }
      const snapshot = flags.snapshot
        ? await startSnapshotCluster(flags.snapshot, (line) => process.stderr.write(line)).catch((error) =>
            exitWithError(error),
          )
        : undefined;
      const container = await containerForCli({ ...flags, ...snapshot?.flags }, snapshot?.overrides);
      const [{ createConversations }, { cliConversationState }] = await Promise.all([
        import("../core/conversation/index.js"),
        import("./conversation-state.js"),
      ]);
      const state = cliConversationState(container.config.stateDir, container.clock);
      const conversations = createConversations({ ...container, store: state.store });
      const conversation = state.conversationFor(process.cwd(), flags.continue === true);
      if (!snapshot) {
        const { warnAboutBroadIdentity } = await import("./identity-warning.js");
        try {
          await warnAboutBroadIdentity(container.config, process.stderr);
        } catch (error) {
          await container.close();
          exitWithError(error);
        }
      }
      const stopSpinner = startSpinner(process.stderr, "asking the cluster…");
      const text = words.join(" ");
      const answer = await conversations
        .answer(conversation, {
          text,
          user: userInfo().username,
          frontend: "cli",
          scope: { defaultNamespace: flags.namespace },
          planner: flags.planner,
          fresh: flags.fresh,
          requestId: randomBytes(4).toString("hex"),
        })
        .finally(stopSpinner);
      await printAnswer(answer, flags);
      const notice = followNotice(text, answer);
      if (notice) process.stderr.write(`${notice}\n`);
      await container.close();
      await snapshot?.close();
    });
}
