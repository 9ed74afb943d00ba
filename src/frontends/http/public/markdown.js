// An answer as Markdown, for a ticket or a chat: the summary, then each part.
import { heading } from "./labels.js";

const cellText = (cell) =>
  String(cell ?? "")
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ");

export function answerMarkdown(question, answer) {
  const blocks = [`**${question}**`, answer.refusal ?? answer.summary];
  for (const part of answer.parts) {
    blocks.push(`### ${heading(part.title, answer.language)}`);
    if (part.type === "table") {
      const lines = [
        `| ${part.columns.map((column) => cellText(heading(column, answer.language))).join(" | ")} |`,
        `| ${part.columns.map(() => "---").join(" | ")} |`,
      ];
      for (const row of part.rows) lines.push(`| ${row.map(cellText).join(" | ")} |`);
      blocks.push(lines.join("\n"));
    } else if (part.type === "code") {
      const fence = part.code.includes("```") ? "~~~~" : "```";
      blocks.push(`${fence}${part.language}\n${part.code.replace(/\n$/, "")}\n${fence}`);
    } else if (part.type === "findings") {
      blocks.push(
        part.findings
          .map((finding) => {
            const where = [finding.object.kind, finding.object.namespace, finding.object.name]
              .filter(Boolean)
              .join("/");
            const evidence = finding.evidence.map((line) => `  - ${line}`).join("\n");
            return `- **${finding.severity}** ${finding.reason} ${where}: ${finding.message}${evidence ? `\n${evidence}` : ""}`;
          })
          .join("\n") || "-",
      );
    } else blocks.push(part.text);
  }
  for (const note of answer.notes) blocks.push(`> ${note}`);
  blocks.push(
    `_cluster ${answer.cluster}${answer.namespace ? `, namespace ${answer.namespace}` : ""} · ${answer.computedAt}_`,
  );
  return `${blocks.join("\n\n")}\n`;
}
