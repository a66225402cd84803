import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentResult } from '../model/index.ts';
import { DocumentResultSchema } from '../model/index.ts';
import { writeFileAtomic } from '../report/atomic-write.ts';
import { RULES_VERSION, TOOL_VERSION } from '../version.ts';
import { refingerprint } from '../model/index.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { fingerprintFiles } from '../source-fingerprint.mjs';

/** Where the cache lives inside the output folder; the walk never reads the output folder. */
export const CACHE_FOLDER_NAME = '.cache';

/** Standard marker (bford.info/cachedir) so backup tools skip the folder. */
const CACHEDIR_TAG = 'Signature: 8a477f597d28d172789f06886806bc55\n# solieu result cache: safe to delete; see the README.\n';

interface CacheEntry {
  toolVersion: string;
  rulesVersion: string;
  /** The reading options that change results (`ocrCacheKey`: OCR mode, engine, page cap). */
  variant: string;
  extension: string;
  sha256: string;
  result: DocumentResult;
}

/**
 * Results of earlier runs, keyed by what decides them: the file's bytes (sha256), its extension (a
 * text file named `.pdf` is judged differently from the same bytes named `.txt`), the tool version,
 * the rules version, and a hash of the code itself (src/, rules/, the dependency lock) — versions are
 * bumped by hand and a forgotten bump must not serve stale results. The reading options that change a
 * result (the OCR mode and engine) are part of each entry's key, so `--ocr off` and `--ocr auto` runs
 * keep their own entries side by side. One folder per version+code, so a
 * new version starts cold and the old folders are pruned instead of growing forever. The path is not
 * in the key: a moved or renamed file is still a hit, re-labelled with the path it has now.
 */
export class ResultCache {
  readonly folder: string;
  private readonly versionFolder: string;
  private readonly versionFolderName: string;

  private constructor(outDir: string, codeHash: string, private readonly variant: string) {
    this.folder = join(outDir, CACHE_FOLDER_NAME);
    this.versionFolderName = `tool-${TOOL_VERSION}_rules-${RULES_VERSION}_code-${codeHash.slice(0, 16)}`.replace(/[^0-9A-Za-z._-]/g, '_');
    this.versionFolder = join(this.folder, this.versionFolderName);
  }

  static async open(outDir: string, variant = ''): Promise<ResultCache> {
    return new ResultCache(outDir, await codeFingerprint(), variant);
  }

  async get(sha256: string, extension: string, displayPath: string): Promise<DocumentResult | undefined> {
    let entry: unknown;
    try {
      entry = JSON.parse(await readFile(this.entryPath(sha256, extension), 'utf8'));
    } catch {
      return undefined;
    }
    // A cache file is data from disk like any other input: anything unexpected is a miss, never a crash.
    if (!isEntryFor(entry, sha256, extension, this.variant)) return undefined;
    const parsed = DocumentResultSchema.safeParse(entry.result);
    if (!parsed.success) return undefined;
    return relabel(parsed.data, displayPath);
  }

  async put(sha256: string, extension: string, result: DocumentResult): Promise<void> {
    const entry: CacheEntry = { toolVersion: TOOL_VERSION, rulesVersion: RULES_VERSION, variant: this.variant, extension, sha256, result };
    await writeFileAtomic(this.entryPath(sha256, extension), `${JSON.stringify(entry)}\n`);
  }

  /** Removes the temp files of entries a killed run was writing (the caller holds the folder's lock). */
  async removeLeftovers(): Promise<void> {
    const shards = await readdir(this.versionFolder, { withFileTypes: true }).catch(() => []);
    for (const shard of shards) {
      if (!shard.isDirectory()) continue;
      const folder = join(this.versionFolder, shard.name);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        if (name.endsWith('.tmp')) await rm(join(folder, name), { force: true });
      }
    }
  }

  /** Drops the folders of other tool/rules versions: their entries can never be hits again. */
  async pruneOtherVersions(): Promise<void> {
    const entries = await readdir(this.folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && entry.name !== this.versionFolderName) await rm(join(this.folder, entry.name), { recursive: true, force: true });
    }
    await writeFileAtomic(join(this.folder, 'CACHEDIR.TAG'), CACHEDIR_TAG);
  }

  private entryPath(sha256: string, extension: string): string {
    const key = createHash('sha256').update(`${sha256}\u0000${extension}\u0000${this.variant}`).digest('hex');
    return join(this.versionFolder, key.slice(0, 2), `${key}.json`);
  }
}

let codeFingerprintValue: string | undefined;

/** sha256 over every file (path and bytes) under src/ and rules/, plus package.json and the lock file. */
export function codeFingerprint(): Promise<string> {
  codeFingerprintValue ??= fingerprintFiles(PROJECT_ROOT, { folders: ['src', 'rules'], files: ['package.json', 'package-lock.json'] });
  return Promise.resolve(codeFingerprintValue);
}

function isEntryFor(entry: unknown, sha256: string, extension: string, variant: string): entry is CacheEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const candidate = entry as Partial<CacheEntry>;
  return (
    candidate.toolVersion === TOOL_VERSION &&
    candidate.rulesVersion === RULES_VERSION &&
    candidate.sha256 === sha256 &&
    candidate.extension === extension &&
    candidate.variant === variant
  );
}

/** The cached result carries the path the file had when it was parsed; outputs need the path it has now. */
export function relabel(result: DocumentResult, displayPath: string): DocumentResult {
  if (result.file === displayPath) return result;
  return refingerprint({
    ...result,
    file: displayPath,
    ...(result.source ? { source: { ...result.source, path: displayPath } } : {}),
  });
}
