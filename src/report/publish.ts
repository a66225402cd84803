/**
 * Publishing the outputs of a run as one unit.
 *
 * The contract's names stay where readers look for them (DIR/figures.csv, DIR/findings.csv, DIR/reports.csv,
 * DIR/results.json, DIR/report.html). A run writes its set into a staging folder of its own,
 * DIR/.staging-<run>/, and publishes it in three steps:
 *
 *   1. the previous files are moved aside into DIR/.staging-<run>/previous/ — a file another program holds
 *      open (Excel on Windows) fails here, before anything new is in place, and those already moved go back;
 *   2. the new files are moved in — should one fail, the new ones go back out and the previous ones back in;
 *   3. DIR/outputs.json, the manifest, is written last (temp file + rename): it names the run, the time and
 *      every file of the set with its size and sha256. A reader who must never see a mixed set reads the
 *      manifest and checks the hashes; a file that does not match is from a publication under way.
 *
 * A journal (publishing.json) in the staging folder records step 1 before it starts, so a run killed in the
 * middle (kill -9, a power cut) is rolled back by the next run into that folder (recoverOutputs), which also
 * removes every other leftover: staging folders of killed runs, temp files of older versions, the write probe.
 * Renames within one folder are atomic and take microseconds; the only window in which a reader can find a
 * file missing or from the other set is between the first move of step 1 and the last of step 2.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { TOOL_VERSION } from '../version.ts';

/** The contract's output files, in the order they are published. */
export const OUTPUT_NAMES = ['figures.csv', 'findings.csv', 'reports.csv', 'results.json', 'report.html', 'rollup.csv', 'solieu.xlsx'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export const MANIFEST_NAME = 'outputs.json';
export const STAGING_PREFIX = '.staging-';
const JOURNAL_NAME = 'publishing.json';
const PREVIOUS_FOLDER = 'previous';

export interface PublishedFile {
  bytes: number;
  sha256: string;
}

/** DIR/outputs.json. */
export interface OutputManifest {
  tool: 'solieu';
  toolVersion: string;
  /** The run that published the set (the name of its staging folder, without the prefix). */
  run: string;
  generatedAt: string;
  files: Record<string, PublishedFile>;
}

/** The file-system operations publication needs: the tests replace one to fail a given step. */
export interface PublishOperations {
  rename(from: string, to: string): Promise<void>;
  writeFile(path: string, content: string): Promise<void>;
  rm(path: string, options: { recursive?: boolean; force?: boolean }): Promise<void>;
  mkdir(path: string, options: { recursive?: boolean }): Promise<unknown>;
}

const nodeOperations: PublishOperations = {
  rename: fs.rename,
  writeFile: (path, content) => fs.writeFile(path, content),
  rm: fs.rm,
  mkdir: fs.mkdir,
};

/**
 * A file of the set could not be replaced or put in place. The previous set is back where it was; the
 * message names the file, says what probably holds it and what to do.
 */
export class PublishError extends Error {
  override readonly name = 'PublishError';
  constructor(
    readonly file: string,
    readonly code: string,
    readonly restored: boolean,
  ) {
    super(
      `không thay được tệp kết quả "${file}" (${code})` +
        (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
          ? ': tệp có thể đang được mở trong Excel hoặc một chương trình khác, hoặc không có quyền ghi — hãy đóng tệp đó rồi chạy lại'
          : code === 'ENOSPC'
            ? ': ổ đĩa đã đầy — hãy giải phóng dung lượng rồi chạy lại'
            : '; hãy kiểm tra thư mục kết quả rồi chạy lại') +
        (restored
          ? '. Bộ kết quả cũ được giữ nguyên; kết quả đã đọc nằm trong bộ nhớ đệm nên lần chạy lại sẽ nhanh.'
          : `. Không khôi phục được hết bộ kết quả cũ: hãy xem ${MANIFEST_NAME} và thư mục ${STAGING_PREFIX}* trong thư mục kết quả.`),
    );
  }
}

/** A fresh staging folder for one run's outputs: DIR/.staging-<pid>-<random>/. */
export async function createStaging(outDir: string): Promise<{ folder: string; run: string }> {
  const run = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const folder = join(outDir, `${STAGING_PREFIX}${run}`);
  await fs.mkdir(folder, { recursive: true });
  return { folder, run };
}

interface Journal {
  run: string;
  names: string[];
  /** sha256 of each new file, to tell a new file from a previous one when rolling back after a crash. */
  files: Record<string, PublishedFile>;
  /** The names that had a previous file when publication began: only those are restored, only the others removed. */
  present: string[];
}

/**
 * Moves the staged files (each `name` in `staging`) into `outDir` as one unit, then writes the manifest.
 * On failure everything is put back as it was and PublishError names the file.
 */
export async function publishOutputs(
  outDir: string,
  staging: { folder: string; run: string },
  files: Record<string, PublishedFile>,
  generatedAt: Date,
  operations: PublishOperations = testOperations() ?? nodeOperations,
  /** Leave the staging folder (and what else the caller staged there) for the caller to remove. */
  keepStaging = false,
): Promise<OutputManifest> {
  const names = Object.keys(files);
  const previousFolder = join(staging.folder, PREVIOUS_FOLDER);
  await operations.mkdir(previousFolder, { recursive: true });
  const present: string[] = [];
  for (const name of names) if (await exists(join(outDir, name))) present.push(name);
  const journal: Journal = { run: staging.run, names, files, present };
  await operations.writeFile(join(staging.folder, JOURNAL_NAME), `${JSON.stringify(journal)}\n`);

  // 1. The previous files aside. A missing one (a first run) is nothing to move.
  const movedAside: string[] = [];
  for (const name of names) {
    try {
      await operations.rename(join(outDir, name), join(previousFolder, name));
      movedAside.push(name);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOENT') continue;
      const restored = await putBack(operations, outDir, previousFolder, movedAside);
      throw new PublishError(join(outDir, name), code, restored);
    }
  }
  // 2. The new files in.
  const movedIn: string[] = [];
  for (const name of names) {
    try {
      await operations.rename(join(staging.folder, name), join(outDir, name));
      movedIn.push(name);
    } catch (error) {
      const restored = await takeBackNew(operations, outDir, staging.folder, movedIn).then((done) => done && putBack(operations, outDir, previousFolder, movedAside));
      throw new PublishError(join(outDir, name), codeOf(error), restored);
    }
  }
  // 3. The manifest, last.
  const manifest: OutputManifest = { tool: 'solieu', toolVersion: TOOL_VERSION, run: staging.run, generatedAt: generatedAt.toISOString(), files };
  const manifestTemporary = join(staging.folder, MANIFEST_NAME);
  try {
    await operations.writeFile(manifestTemporary, `${JSON.stringify(manifest, null, 2)}\n`);
    await operations.rename(manifestTemporary, join(outDir, MANIFEST_NAME));
  } catch (error) {
    const restored = await takeBackNew(operations, outDir, staging.folder, movedIn).then((done) => done && putBack(operations, outDir, previousFolder, movedAside));
    throw new PublishError(join(outDir, MANIFEST_NAME), codeOf(error), restored);
  }
  await operations.rm(keepStaging ? previousFolder : staging.folder, { recursive: true, force: true }).catch(() => {});
  if (keepStaging) await operations.rm(join(staging.folder, JOURNAL_NAME), { force: true }).catch(() => {});
  return manifest;
}

async function putBack(operations: PublishOperations, outDir: string, previousFolder: string, names: readonly string[]): Promise<boolean> {
  let all = true;
  for (const name of names) {
    await operations.rename(join(previousFolder, name), join(outDir, name)).catch(() => (all = false));
  }
  return all;
}

async function takeBackNew(operations: PublishOperations, outDir: string, stagingFolder: string, names: readonly string[]): Promise<boolean> {
  let all = true;
  for (const name of names) {
    await operations.rename(join(outDir, name), join(stagingFolder, name)).catch(() => (all = false));
  }
  return all;
}

/**
 * Clears what killed runs left in `outDir` (the caller holds the folder's lock, so no other run is writing):
 * a publication cut off in the middle is rolled back to the previous set, staging folders are removed, as are
 * the temp files older versions wrote beside the outputs and the write probe. Returns what it did, for tests.
 */
export async function recoverOutputs(outDir: string, operations: PublishOperations = nodeOperations): Promise<{ rolledBack: string[]; removed: string[] }> {
  const done = { rolledBack: [] as string[], removed: [] as string[] };
  let entries: string[];
  try {
    entries = await fs.readdir(outDir);
  } catch {
    return done;
  }
  const manifest = await readManifest(outDir);
  for (const entry of entries) {
    const path = join(outDir, entry);
    if (entry.startsWith(STAGING_PREFIX)) {
      const journal = await readJournal(join(path, JOURNAL_NAME));
      // A journal whose run is not the manifest's: its publication never finished, so the previous set comes back.
      if (journal && manifest?.run !== journal.run) {
        for (const name of journal.names) {
          const previous = join(path, PREVIOUS_FOLDER, name);
          if (await exists(previous)) {
            await operations.rename(previous, join(outDir, name));
            done.rolledBack.push(name);
          } else if (!journal.present.includes(name) && (await sha256Of(join(outDir, name))) === journal.files[name]?.sha256) {
            // There was no previous file: the new one that was moved in goes.
            await operations.rm(join(outDir, name), { force: true });
            done.rolledBack.push(name);
          }
        }
      }
      await operations.rm(path, { recursive: true, force: true });
      done.removed.push(entry);
    } else if (LEFTOVER_FILE.test(entry)) {
      await operations.rm(path, { force: true });
      done.removed.push(entry);
    }
  }
  return done;
}

/** Temp files of earlier versions (`figures.csv.<pid>.<hex>.tmp`, the streamed parts) and the write probe. */
const LEFTOVER_FILE = /^(?:(?:figures\.csv|findings\.csv|reports\.csv|results\.json|report\.html|results\.json\.documents|report\.html\.reports|outputs\.json)\.\d+\.[0-9a-f]{8}\.tmp|\.solieu-write-check-\d+)$/u;

export async function readManifest(outDir: string): Promise<OutputManifest | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(join(outDir, MANIFEST_NAME), 'utf8')) as OutputManifest;
    return parsed && typeof parsed === 'object' && typeof parsed.run === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function readJournal(path: string): Promise<Journal | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(path, 'utf8')) as Journal;
    return Array.isArray(parsed.names) && Array.isArray(parsed.present) && typeof parsed.run === 'string' && parsed.files ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  return fs.stat(path).then(
    () => true,
    () => false,
  );
}

async function sha256Of(path: string): Promise<string | undefined> {
  try {
    return createHash('sha256').update(await fs.readFile(path)).digest('hex');
  } catch {
    return undefined;
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EIO';
}

/**
 * Only with SOLIEU_TEST_HOOKS=1: SOLIEU_TEST_FAIL_PUBLISH=<name>[:aside|:in] makes moving that file aside (the
 * default) or into place fail with EBUSY, as Excel holding it open on Windows does, so that the command's
 * answer can be tested end to end. Never set in a real run.
 */
function testOperations(): PublishOperations | undefined {
  const spec = process.env.SOLIEU_TEST_HOOKS === '1' ? process.env.SOLIEU_TEST_FAIL_PUBLISH : undefined;
  if (!spec) return undefined;
  const [name, step = 'aside'] = spec.split(':');
  return {
    ...nodeOperations,
    async rename(from, to) {
      const aside = to.includes(`/${PREVIOUS_FOLDER}/`);
      const intoPlace = from.includes(`/${STAGING_PREFIX}`) && !from.includes(`/${PREVIOUS_FOLDER}/`) && !to.includes(`/${STAGING_PREFIX}`);
      const failing = (step === 'aside' ? aside : intoPlace) && (step === 'aside' ? from : to).endsWith(`/${name}`);
      if (failing) throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}'`), { code: 'EBUSY' });
      return fs.rename(from, to);
    },
  };
}
