/** Slack's mrkdwn drawn as HTML, approximately: enough to show what an answer looks like, not a parser of record. */

/** Emoji as coloured symbols the machine's fonts have (no colour emoji font is installed). */
const EMOJI: Record<string, [symbol: string, color: string]> = {
  red_circle: ["●", "#e01e5a"],
  large_orange_circle: ["●", "#f2994a"],
  large_yellow_circle: ["●", "#ecb22e"],
  large_green_circle: ["●", "#2eb67d"],
  large_blue_circle: ["●", "#1264a3"],
  white_check_mark: ["✔", "#2eb67d"],
  warning: ["⚠", "#e8a317"],
  no_entry: ["⊘", "#e01e5a"],
  rotating_light: ["◉", "#e01e5a"],
  hourglass: ["◔", "#616061"],
  hourglass_flowing_sand: ["◔", "#616061"],
  turtle: ["◔", "#2eb67d"],
  wave: ["✔", "#ecb22e"],
};

/** HTML-escapes text whose `&lt;`, `&gt;` and `&amp;` are Slack's escapes already (valid HTML entities as they are). */
export function entities(text: string): string {
  return text
    .replace(/&(?!(lt|gt|amp);)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const emoji = (text: string) =>
  text.replace(/:([a-z0-9_+-]+):/g, (all, name: string) => {
    const [symbol, color] = EMOJI[name] ?? [];
    return symbol ? `<span class="emoji" style="color:${color}">${symbol}</span>` : all;
  });

/** One line: code spans kept literal; links and mentions, then *bold*, _italic_, ~strike~ and :emoji:. */
function inline(line: string): string {
  return line
    .split(/(`[^`]+`)/)
    .map((piece) => {
      if (piece.startsWith("`") && piece.endsWith("`") && piece.length > 1)
        return `<code>${entities(piece.slice(1, -1))}</code>`;
      const tokens: string[] = [];
      const hold = (html: string) => `\u0000${tokens.push(html) - 1}\u0000`;
      let text = piece
        .replace(/<(https?:[^|>]+)\|([^>]+)>/g, (_, url: string, label: string) =>
          hold(`<a href="${entities(url)}">${entities(label)}</a>`),
        )
        .replace(/<(https?:[^>]+)>/g, (_, url: string) =>
          hold(`<a href="${entities(url)}">${entities(url)}</a>`),
        )
        .replace(/<@([A-Z0-9]+)>/g, (_, user: string) => hold(`<span class="mention">@${user}</span>`))
        .replace(/<!(here|channel|everyone)>/g, (_, who: string) =>
          hold(`<span class="mention">@${who}</span>`),
        );
      text = emoji(entities(text))
        .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s.,:;!?)])/g, "$1<b>$2</b>")
        .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s.,:;!?)])/g, "$1<i>$2</i>")
        .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s.,:;!?)])/g, "$1<s>$2</s>");
      return text.replace(/\u0000(\d+)\u0000/g, (_, index: string) => tokens[Number(index)]);
    })
    .join("");
}

/** A mrkdwn text: ``` blocks, > quotes, lines. */
export function mrkdwnToHtml(text: string): string {
  const parts = text.split(/(```[\s\S]*?```)/);
  return parts
    .map((whole) => {
      // The newline next to a fence belongs to the fence, not to an empty line of its own.
      const part = parts.length > 1 ? whole.replace(/^\n/, "").replace(/\n$/, "") : whole;
      if (part.startsWith("```") && part.endsWith("```") && part.length >= 6)
        return `<pre>${entities(part.slice(3, -3).replace(/^\n/, ""))}</pre>`;
      return part
        .split("\n")
        .map((line) => {
          const quote = /^(>|&gt;) ?/.exec(line);
          if (quote) return `<div class="quote">${inline(line.slice(quote[0].length)) || "&nbsp;"}</div>`;
          return `<div class="line">${inline(line) || "&nbsp;"}</div>`;
        })
        .join("");
    })
    .join("");
}

/** A plain_text object (emoji allowed). */
export function plainToHtml(text: string): string {
  return emoji(entities(text));
}
