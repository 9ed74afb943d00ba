import { readFieldSelector } from "./read-flags.js";
import { cueAt, hasRole, isNameAt, nextIndex, previousIndex, type Reading, use } from "./reading.js";

const LABEL_KEY = /^!?[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?(\/[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?)?$/;
// "ingress 列一下, 带 host": a column to show after 带/with, not a label key.
const COLUMN_WORDS = new Set(
  "host hosts ip ips image images node nodes port ports age status ready restarts address addresses class namespace".split(
    " ",
  ),
);
const FIELD_KEY = /^(status\.|spec\.|metadata\.|involvedobject\.|reason|type=|source)/i;

/** "named X", 名为X: a name to tie to the nearest kind once kinds are read. */
export function readNameMarkers(reading: Reading): void {
  reading.tokens.forEach((_token, index) => {
    if (reading.used[index] || !hasRole(reading, index, "nameMarker")) return;
    const after = nextIndex(reading, index);
    if (!isNameAt(reading, after) || namesContainer(reading, after)) return;
    use(reading, index, after);
    reading.parsed.names.push({ name: reading.tokens[after].text, at: index });
  });
}

/** "container sidecar", "the sidecar container", 容器sidecar, sidecar容器. */
export function readContainers(reading: Reading): void {
  reading.tokens.forEach((_token, index) => {
    if (reading.used[index] || !hasRole(reading, index, "container")) return;
    const after = nextIndex(reading, index, ["named", "called", ":", "：", "为", "名为", "叫"]);
    const before = index - 1;
    let picked = -1;
    if (isNameAt(reading, after) && !isKindFollowing(reading, after)) picked = after;
    else if (isNameAt(reading, before)) picked = before;
    else if (hasRole(reading, before, "possessive") && hasRole(reading, before - 2, "nameMarker")) {
      // 名为nginx的容器: the marked name is the container's.
      if (isNameAt(reading, before - 1)) picked = before - 1;
      use(reading, before, before - 2);
    }
    use(reading, index);
    if (picked < 0 || reading.parsed.container !== undefined) return;
    use(reading, picked);
    reading.parsed.container = reading.tokens[picked].text;
  });
}

/** 名为nginx的容器: a marked name whose noun is the container. */
function namesContainer(reading: Reading, index: number): boolean {
  const next = hasRole(reading, index + 1, "possessive") ? index + 2 : index + 1;
  return hasRole(reading, next, "container");
}

function isKindFollowing(reading: Reading, index: number): boolean {
  return reading.tokens[index + 1]?.type === "kind";
}

/** `app=web` anywhere, "label app=web", 标签app=web: label selectors; `status.phase=Pending`: field selectors. */
export function readSelectors(reading: Reading): void {
  reading.tokens.forEach((token, index) => {
    if (token.type === "selector" && !reading.used[index]) {
      use(reading, index);
      if (FIELD_KEY.test(token.text)) readFieldSelector(reading, token.text);
      else if (/^(namespace|ns)=/i.test(token.text)) {
        const namespace = token.text.split("=")[1];
        reading.parsed.namespace ??= namespace;
        reading.parsed.namespaceMentions.push({ at: index, values: [namespace] });
      } else noteLabelSelector(reading, index, token.text);
    } else if (hasRole(reading, index, "label") && !reading.used[index]) {
      use(reading, index);
      // "nodes with label node-role.kubernetes.io/control-plane": a bare key selects objects that have it.
      const key = reading.tokens[index + 1];
      if (
        key?.type === "word" &&
        !reading.used[index + 1] &&
        LABEL_KEY.test(key.text) &&
        !COLUMN_WORDS.has(key.lower)
      ) {
        use(reading, index + 1);
        noteLabelSelector(reading, index + 1, key.text);
      }
    }
  });
}

function noteLabelSelector(reading: Reading, at: number, selector: string): void {
  reading.parsed.labelSelectors.push(selector);
  reading.parsed.selectorMentions.push({ at, values: [selector] });
}

/** "last 50 lines", "--tail 20" (flags), 最后50行, "the last hour", 最近10分钟, "before it crashed", 上一次. */
export function readLogOptions(reading: Reading): void {
  const { tokens, parsed } = reading;
  tokens.forEach((_token, index) => {
    if (reading.used[index]) return;
    const cue = cueAt(reading, index);
    if (cue?.role === "previous") {
      use(reading, index);
      parsed.previous = true;
      return;
    }
    const crash = crashAfterBefore(reading, index);
    if (crash !== undefined) {
      use(reading, index, crash);
      parsed.previous = true;
      return;
    }
    const whole = isOneBeforeTime(reading, index) ? 1 : numberAt(reading, index);
    if (whole !== undefined) {
      const counted = nextIndex(reading, index, ["个", "個", "more", "of", "a", "an"]);
      // 一个半小时, 两个半钟头: the half after the count adds to it.
      const half = whole >= 1 && tokens[counted]?.lower === "半";
      const amount = half ? whole + 0.5 : whole;
      const after = half ? counted + 1 : counted;
      const direct = cueAt(reading, after);
      const linesAt =
        direct?.role === "unit" || direct?.role === "lines" ? after : linesAhead(reading, after);
      const next = linesAt === undefined ? undefined : cueAt(reading, linesAt);
      if (next?.role === "unit") {
        parsed.sinceSeconds ??= Math.round(amount * next.seconds);
        use(reading, index, linesAt ?? after);
      } else if (next?.role === "lines" || isTailWord(reading, previousIndex(reading, index))) {
        if (Number.isInteger(amount) && amount > 0) parsed.tailLines ??= amount;
        use(reading, index);
        if (next?.role === "lines") {
          use(reading, linesAt ?? after);
          parsed.linesWord = true;
        }
      } else if (tokens[index - 1]?.lower === "top") {
        use(reading, index);
      }
      return;
    }
    if (cue?.role === "unit" && ["every", "each", "per", "每"].includes(tokens[index - 1]?.lower ?? "")) {
      use(reading, index - 1, index);
      return;
    }
    if (cue?.role === "unit" && hasRole(reading, previousIndex(reading, index), "recent")) {
      parsed.sinceSeconds ??= cue.seconds;
      use(reading, index, previousIndex(reading, index));
    }
  });
}

const CRASH_WORDS = new Set(["crashed", "crash", "crashes", "crashing", "restarted", "died", "oomkilled"]);

/** "logs from before pod web-1 crashed": the crash word a few words after "before" (the object named between); its index. */
function crashAfterBefore(reading: Reading, index: number): number | undefined {
  if (reading.tokens[index].lower !== "before") return undefined;
  for (let at = index + 1; at < Math.min(reading.tokens.length, index + 6); at++) {
    if (CRASH_WORDS.has(reading.tokens[at].lower)) return at;
  }
  return undefined;
}

/** "30 most recent log lines": a lines word a few recency or log words later; its index. */
function linesAhead(reading: Reading, from: number): number | undefined {
  for (let index = from; index < from + 4; index++) {
    const cue = cueAt(reading, index);
    if (cue?.role === "lines") return index;
    const between =
      cue?.role === "recent" || cue?.role === "stop" || (cue?.role === "intent" && cue.intent === "logs");
    if (!between) return undefined;
  }
  return undefined;
}

/** 一个小时, 一个半钟头: the segmenter's 一个 ("a") counts one before a unit of time. */
function isOneBeforeTime(reading: Reading, index: number): boolean {
  if (!["一个", "一個"].includes(reading.tokens[index].lower)) return false;
  return reading.tokens[index + 1]?.lower === "半" || cueAt(reading, index + 1)?.role === "unit";
}

function numberAt(reading: Reading, index: number): number | undefined {
  const token = reading.tokens[index];
  if (token?.type === "number") return Number(token.lower);
  const cue = cueAt(reading, index);
  return cue?.role === "number" ? cue.value : undefined;
}

function isTailWord(reading: Reading, index: number): boolean {
  const token = reading.tokens[index];
  return hasRole(reading, index, "recent") || token?.lower === "tail" || token?.lower === "first";
}
