import { open, stat } from "node:fs/promises";
import { parseAllDocuments } from "yaml";
import { SnapshotError } from "./snapshot.js";

/** One resource file may hold this much: a 10,000-pod namespace's pods.json is about 60 MB. */
export const maxResourceFileBytes = 512 * 1024 * 1024;
/** Only the end of a long log is kept, as `kubectl logs --tail` would show it. */
export const maxLogBytes = 1024 * 1024;

async function checkedSize(file: string, limit: number): Promise<number> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new SnapshotError(file, error.code === "ENOENT" ? "no such file" : error.message);
  });
  if (!info.isFile()) throw new SnapshotError(file, "not a regular file");
  if (info.size > limit) {
    throw new SnapshotError(
      file,
      `${(info.size / 1024 / 1024).toFixed(0)} MiB is more than the ${limit / 1024 / 1024} MiB a snapshot file may hold`,
    );
  }
  return info.size;
}

export async function readText(file: string, limit = maxResourceFileBytes): Promise<string> {
  await checkedSize(file, limit);
  const handle = await open(file, "r");
  try {
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}

/** The last `maxLogBytes` of a log file, starting at a line boundary; never the whole of a huge file. */
export async function readLogTail(file: string): Promise<string> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - maxLogBytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const text = buffer.toString("utf8");
    return start === 0 ? text : text.slice(text.indexOf("\n") + 1);
  } finally {
    await handle.close();
  }
}

/** Every document of a JSON or YAML file (multi-document YAML included), with a clear error naming the file. */
export async function readDocuments(file: string): Promise<unknown[]> {
  const text = await readText(file);
  if (text.trim() === "") return [];
  if (/\.json$/i.test(file)) {
    try {
      return [JSON.parse(text)];
    } catch (error) {
      throw new SnapshotError(file, `not valid JSON (${(error as Error).message})`);
    }
  }
  const documents = parseAllDocuments(text);
  const values: unknown[] = [];
  for (const document of documents) {
    if (document.errors.length > 0) {
      throw new SnapshotError(file, `not valid YAML (${document.errors[0].message.split("\n")[0]})`);
    }
    const value = document.toJS();
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}
