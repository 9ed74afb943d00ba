import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import type { ObjectCollector } from "./collect-objects.js";
import { readDocuments } from "./read-files.js";

/** Every `.yaml`, `.yml` and `.json` file under a folder (or one such file): objects, Lists, multi-document YAML. */
export async function loadManifests(
  path: string,
  isFile: boolean,
  objects: ObjectCollector,
): Promise<number> {
  const files = isFile ? [path] : await manifestFiles(path);
  for (const file of files)
    for (const document of await readDocuments(file))
      objects.add(document, isFile ? file : relative(path, file));
  return files.length;
}

async function manifestFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith(".")) found.push(...(await manifestFiles(path)));
    else if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name)) found.push(path);
  }
  return found.sort();
}
