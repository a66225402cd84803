import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';

/**
 * Extensions the batch hands to the pipeline; anything else is listed as `skipped`. The same set as
 * src/ingest's READABLE_EXTENSIONS (test/walk.test.ts holds them equal), repeated here because
 * importing ingest would load pdf.js and mammoth into the main thread, which only hashes and writes.
 */
export const READABLE_EXTENSIONS: ReadonlySet<string> = new Set(['.pdf', '.docx', '.txt']);

export interface InputFile {
  /** Absolute path to read. */
  absolutePath: string;
  /** Path shown in every output: relative to the folder given on the command line. */
  displayPath: string;
  extension: string;
}

/**
 * Expands the command line's files and folders into a sorted list of files. Folders are walked
 * recursively; symlinked folders are followed once (a loop is cut where a real path repeats); the
 * output folder is skipped so a run never reads its own results.
 */
export async function listInputs(inputs: readonly string[], skipFolder?: string): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const seenFolders = new Set<string>();
  const skipReal = skipFolder ? await realpath(skipFolder).catch(() => resolve(skipFolder)) : undefined;

  async function walk(folder: string, root: string): Promise<void> {
    const real = await realpath(folder);
    if (seenFolders.has(real) || real === skipReal) return;
    seenFolders.add(real);
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isDirectory());
      if (isFolder) await walk(path, root);
      else if (entry.isFile() || entry.isSymbolicLink()) files.push(describe(path, root));
    }
  }

  for (const input of inputs) {
    const info = await stat(input);
    if (info.isDirectory()) await walk(input, input);
    else files.push({ absolutePath: resolve(input), displayPath: basename(input), extension: extname(input).toLowerCase() });
  }
  return files;
}

function describe(path: string, root: string): InputFile {
  return {
    absolutePath: resolve(path),
    displayPath: relative(root, path).split(sep).join('/'),
    extension: extname(path).toLowerCase(),
  };
}
