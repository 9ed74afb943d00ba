/**
 * C0 controls but tab and newline, DEL and the C1 controls: with them cluster text (a log line, an event, an
 * annotation) could clear the screen (ESC[2J), write the clipboard (OSC 52) or hide a link (OSC 8).
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}

/** The same value with every string in it stripped: for JSON and YAML output, whose encoders keep C1 as is. */
export function terminalSafe<T>(value: T): T {
  if (typeof value === "string") return stripControlCharacters(value) as T;
  if (Array.isArray(value)) return value.map(terminalSafe) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [stripControlCharacters(key), terminalSafe(entry)]),
    ) as T;
  }
  return value;
}
