import { readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, extname, resolve, sep } from 'node:path';

/**
 * Extensions the batch hands to the pipeline; anything else is listed as `skipped`. The same set as
 * src/ingest's READABLE_EXTENSIONS (test/walk.test.ts holds them equal), repeated here because
 * importing ingest would load pdf.js and mammoth into the main thread, which only hashes and writes.
 */
export const READABLE_EXTENSIONS: ReadonlySet<string> = new Set(['.pdf', '.docx', '.txt']);

/**
 * Word-processor formats people send reports in that are not read as such: the worker looks at their
 * bytes (src/ingest/sniff.ts), reads a DOCX or PDF that only has the wrong name, and gives the rest a
 * `skipped` row saying how to re-save them.
 */
export const SNIFFED_EXTENSIONS: ReadonlySet<string> = new Set(['.doc', '.rtf', '.odt']);

/** What a directory entry is, once links are followed: only regular files are ever opened. */
export type InputKind =
  | { type: 'file' }
  /** A FIFO, socket or device (or a link to one): opening it could block forever or never end. */
  | { type: 'special'; what: 'fifo' | 'socket' | 'character-device' | 'block-device' | 'other'; viaLink: boolean }
  /** A folder that could not be listed: the files in it are unknown, so it gets a row of its own. */
  | { type: 'unreadable-folder'; errorCode: string };

export interface InputFile {
  /** Absolute path, as text: what report.html links to and messages show. */
  absolutePath: string;
  /**
   * The path to open. The bytes of the path when a name in it is not valid UTF-8 (zips made on Windows
   * carry names in the old code pages): decoded to text, such a path would name a file that does not exist.
   */
  fsPath: string | Uint8Array;
  /** Path shown in every output: relative to the folder given on the command line; bytes that are not UTF-8 as `\xNN`. */
  displayPath: string;
  extension: string;
  kind: InputKind;
}

/**
 * Expands the command line's files and folders into a sorted list of entries, each of which becomes one
 * row. Folders are walked recursively; symlinked folders are followed once (a loop is cut where a real
 * path repeats); the output folder is skipped so a run never reads its own results. A folder that cannot
 * be listed, a FIFO, socket or device is an entry too (never opened), so that nothing is silently left out.
 */
export async function listInputs(inputs: readonly string[], skipFolder?: string): Promise<InputFile[]> {
  const files: InputFile[] = [];
  const seenFolders = new Set<string>();
  const skipReal = skipFolder ? Buffer.from(await realpath(skipFolder).catch(() => resolve(skipFolder))) : undefined;

  async function walk(folder: Buffer, rootLength: number, rootName: string): Promise<void> {
    let entries;
    try {
      const real = await realpath(folder, { encoding: 'buffer' });
      const key = real.toString('latin1');
      if (seenFolders.has(key) || (skipReal && real.equals(skipReal))) return;
      seenFolders.add(key);
      entries = await readdir(folder, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      files.push(describe(folder, rootLength, rootName, { type: 'unreadable-folder', errorCode: errorCodeOf(error) }, true));
      return;
    }
    const named = entries.map((entry) => ({ entry, name: displayName(entry.name) }));
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : Buffer.compare(a.entry.name, b.entry.name)));
    for (const { entry } of named) {
      const path = Buffer.concat([folder, Buffer.from(sep), entry.name]);
      if (entry.isDirectory()) {
        await walk(path, rootLength, rootName);
        continue;
      }
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        // A broken link, or one that loops, is opened like a file and gets the row of a file that cannot be opened.
        if (target?.isDirectory()) await walk(path, rootLength, rootName);
        else files.push(describe(path, rootLength, rootName, target ? kindOf(target, true) : { type: 'file' }));
        continue;
      }
      files.push(describe(path, rootLength, rootName, direntKind(entry)));
    }
  }

  for (const input of inputs) {
    const info = await stat(input);
    if (info.isDirectory()) {
      const folder = Buffer.from(resolve(input));
      await walk(folder, folder.length + 1, basename(resolve(input)));
    } else {
      const absolute = resolve(input);
      files.push({ absolutePath: absolute, fsPath: absolute, displayPath: basename(input), extension: extname(input).toLowerCase(), kind: kindOf(info, false) });
    }
  }
  return files;
}

function describe(path: Buffer, rootLength: number, rootName: string, kind: InputKind, folder = false): InputFile {
  const absolutePath = displayName(path);
  const relative = path.length >= rootLength ? displayName(path.subarray(rootLength)).split(sep).join('/') : '';
  const displayPath = folder ? `${relative === '' ? rootName : relative}/` : relative;
  return {
    absolutePath,
    fsPath: isUtf8(path) ? path.toString('utf8') : new Uint8Array(path),
    displayPath,
    extension: folder ? '' : extname(displayPath).toLowerCase(),
    kind,
  };
}

function direntKind(entry: { isFile(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): InputKind {
  if (entry.isFile()) return { type: 'file' };
  return { type: 'special', what: specialWhat(entry), viaLink: false };
}

function kindOf(info: Stats, viaLink: boolean): InputKind {
  if (info.isFile()) return { type: 'file' };
  return { type: 'special', what: specialWhat(info), viaLink };
}

function specialWhat(info: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): Extract<InputKind, { type: 'special' }>['what'] {
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character-device';
  if (info.isBlockDevice()) return 'block-device';
  return 'other';
}

function errorCodeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EIO';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A name as text: UTF-8 where it is UTF-8, each other byte as `\xNN` (so two names that differ only in
 * such bytes stay apart, and nothing in a CSV cell or on the page is a broken character).
 */
export function displayName(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return Buffer.from(bytes).toString('utf8');
  let text = '';
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length > 0 && index + length <= bytes.length && isUtf8(bytes.subarray(index, index + length))) {
      text += Buffer.from(bytes.subarray(index, index + length)).toString('utf8');
      index += length;
    } else {
      text += `\\x${lead.toString(16).toUpperCase().padStart(2, '0')}`;
      index++;
    }
  }
  return text;
}

/** The path to hand to node:fs: text, or the bytes (a Uint8Array after a trip to a worker thread) as a Buffer. */
export function openablePath(path: string | Uint8Array): string | Buffer {
  return typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);
}
