import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extract } from "tar";
import { SnapshotError } from "./snapshot.js";

/** A bundle may unpack to this much on disk; its files are then read one by one, within their own bounds. */
export const maxExtractedBytes = 8 * 1024 * 1024 * 1024;

/**
 * Unpacks a `.tar.gz` support bundle into a temporary folder (node-tar: gzip, strict checks, no
 * absolute paths or `..`), only regular files and folders. The caller removes it with `dispose`.
 */
export async function extractArchive(file: string): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "k8helper-snapshot-"));
  // A failed extraction may still be closing files it wrote: rm retries past ENOTEMPTY.
  const dispose = () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  let total = 0;
  try {
    await extract({
      file,
      cwd: dir,
      strict: true,
      preservePaths: false,
      filter: (_path, entry) => {
        const type = "type" in entry ? entry.type : "File";
        if (type !== "File" && type !== "OldFile" && type !== "Directory") return false;
        total += "size" in entry ? (entry.size ?? 0) : 0;
        if (total > maxExtractedBytes)
          throw new SnapshotError(file, `unpacks to more than ${maxExtractedBytes / 1024 ** 3} GiB`);
        return true;
      },
    });
  } catch (error) {
    await dispose();
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(
      file,
      `cannot unpack the archive: it is truncated or not a .tar.gz (${(error as Error).message})`,
    );
  }
  return { dir, dispose };
}
