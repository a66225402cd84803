import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

function temporaryPathFor(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/**
 * Temp file + rename in the same folder: a reader (or an interrupted run) sees either the old file
 * or the complete new one, never half a CSV.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryPathFor(path);
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes a set of files that belong together (the CSVs, results.json and report.html of one run).
 * Every file is written to a temp file first; only when all of them are on disk, and `signal` has
 * not been aborted, are they renamed into place one after the other. An interruption or a full disk
 * during the slow part therefore leaves every previous output untouched, never a mix of two runs
 * (short of a crash between the renames, which take microseconds).
 */
export async function writeFilesAtomic(files: readonly OutputFile[], signal?: AbortSignal): Promise<void> {
  const written: Array<{ temporary: string; path: string }> = [];
  try {
    for (const file of files) {
      signal?.throwIfAborted();
      await mkdir(dirname(file.path), { recursive: true });
      const temporary = temporaryPathFor(file.path);
      written.push({ temporary, path: file.path });
      await writeFile(temporary, file.content);
    }
    signal?.throwIfAborted();
  } catch (error) {
    await Promise.all(written.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
  for (const { temporary, path } of written) await rename(temporary, path);
}
