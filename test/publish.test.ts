import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../src/batch/run.ts';
import {
  MANIFEST_NAME,
  OUTPUT_NAMES,
  PublishError,
  publishOutputs,
  readManifest,
  recoverOutputs,
  STAGING_PREFIX,
  type PublishOperations,
} from '../src/report/publish.ts';

/**
 * The five outputs are published as one unit (src/report/publish.ts): a failure at any step, for any file,
 * leaves the previous set byte for byte; a run killed at any step is rolled back by the next one; the
 * manifest written last names the set and its hashes; a full disk is answered in Vietnamese before and
 * during the run, with the previous set intact.
 */

const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'bin/solieu.mjs');
const BATCH_DATA = join(root, 'test/data/batch');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'solieu-publish-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const ALL = [...OUTPUT_NAMES, MANIFEST_NAME];

async function snapshot(outDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(outDir)) files[name] = sha256(await readFile(join(outDir, name)).catch(() => Buffer.from('<folder>')));
  return files;
}

/** A previous set in `outDir` (with its manifest) and a new one staged beside it, as a run has them just before publishing. */
async function setUp(name: string, previous = true) {
  const outDir = join(work, name);
  await mkdir(outDir, { recursive: true });
  if (previous) {
    const files = Object.fromEntries(OUTPUT_NAMES.map((file) => [file, { bytes: 4, sha256: sha256(`old ${file}`) }]));
    for (const file of OUTPUT_NAMES) await writeFile(join(outDir, file), `old ${file}`);
    await writeFile(join(outDir, MANIFEST_NAME), JSON.stringify({ tool: 'solieu', toolVersion: '0', run: 'old', generatedAt: '2024-01-01T00:00:00.000Z', files }));
  }
  const staging = { folder: join(outDir, `${STAGING_PREFIX}test`), run: 'new' };
  await mkdir(staging.folder);
  const files: Record<string, { bytes: number; sha256: string }> = {};
  for (const file of OUTPUT_NAMES) {
    await writeFile(join(staging.folder, file), `new ${file}`);
    files[file] = { bytes: `new ${file}`.length, sha256: sha256(`new ${file}`) };
  }
  return { outDir, staging, files };
}

/** Real operations, except that one rename (by step and file) fails as a file held open in Excel does. */
function failing(step: 'aside' | 'in' | 'manifest', file: string): PublishOperations {
  return {
    rename: async (from, to) => {
      const isStep =
        step === 'aside' ? to.includes('/previous/') && from.endsWith(`/${file}`) : step === 'in' ? from.includes(STAGING_PREFIX) && !from.includes('/previous/') && to.endsWith(`/${file}`) : to.endsWith(`/${MANIFEST_NAME}`);
      if (isStep) throw Object.assign(new Error('EBUSY'), { code: step === 'manifest' ? 'ENOSPC' : 'EBUSY' });
      return fs.rename(from, to);
    },
    writeFile: (path, content) => fs.writeFile(path, content),
    rm: fs.rm,
    mkdir: fs.mkdir,
  };
}

describe('fault injection: each output fails to publish in turn, and the previous set is intact', () => {
  const cases = [...OUTPUT_NAMES.flatMap((file) => [['aside', file] as const, ['in', file] as const]), ['manifest', MANIFEST_NAME] as const];

  it.each(cases)('moving %s %s fails', async (step, file) => {
    const { outDir, staging, files } = await setUp(`fault-${step}-${file}`);
    const before = await snapshot(outDir);
    delete before[`${STAGING_PREFIX}test`];
    const error = await publishOutputs(outDir, staging, files, new Date(), failing(step, file)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toContain(join(outDir, file));
    expect((error as PublishError).message).toMatch(step === 'manifest' ? /ổ đĩa đã đầy/u : /đang được mở trong Excel.*hãy đóng tệp đó rồi chạy lại/u);
    expect((error as PublishError).message).toMatch(/Bộ kết quả cũ được giữ nguyên/u);
    const after = await snapshot(outDir);
    delete after[`${STAGING_PREFIX}test`];
    expect(after).toEqual(before);
  });

  it('without a failure the new set and its manifest are in place, with the right hashes, and the staging folder is gone', async () => {
    const { outDir, staging, files } = await setUp('no-fault');
    const manifest = await publishOutputs(outDir, staging, files, new Date('2025-01-02T03:04:05Z'));
    expect((await readdir(outDir)).sort()).toEqual([...ALL].sort());
    expect(await readManifest(outDir)).toEqual(manifest);
    for (const file of OUTPUT_NAMES) expect(sha256(await readFile(join(outDir, file)))).toBe(manifest.files[file]!.sha256);
  });
});

describe('a run killed during publication is rolled back by the next run', () => {
  /** Operations that work until the n-th rename, then "die": that rename and everything after it fail, rollback included. */
  function dyingAt(n: number): PublishOperations {
    let renames = 0;
    let dead = false;
    const die = () => {
      dead = true;
      throw Object.assign(new Error('killed'), { code: 'EKILLED' });
    };
    return {
      rename: async (from, to) => {
        if (dead || ++renames === n) die();
        return fs.rename(from, to);
      },
      writeFile: async (path, content) => (dead ? die() : fs.writeFile(path, content)),
      rm: async (path, options) => (dead ? die() : fs.rm(path, options)),
      mkdir: async (path, options) => (dead ? die() : fs.mkdir(path, options)),
    };
  }

  // 5 renames aside, 5 in, 1 for the manifest: dying at each, and after all of them.
  it.each(Array.from({ length: 12 }, (_, index) => index + 1))('killed at rename %i: the folder holds one complete set, as its manifest says', async (n) => {
    for (const previous of [true, false]) {
      const { outDir, staging, files } = await setUp(`killed-${n}-${previous}`, previous);
      const old = await snapshot(outDir);
      delete old[`${STAGING_PREFIX}test`];
      await publishOutputs(outDir, staging, files, new Date(), dyingAt(n)).catch(() => {});
      await recoverOutputs(outDir);
      const names = await readdir(outDir);
      expect(names.filter((name) => name.startsWith(STAGING_PREFIX))).toEqual([]);
      const manifest = await readManifest(outDir);
      if (manifest?.run === 'new') {
        for (const file of OUTPUT_NAMES) expect(sha256(await readFile(join(outDir, file))), file).toBe(files[file]!.sha256);
      } else {
        expect(await snapshot(outDir)).toEqual(old);
      }
    }
  });

  it('also removes the temp files older versions left beside the outputs, and the write probe', async () => {
    const outDir = join(work, 'old-leftovers');
    await mkdir(outDir);
    await writeFile(join(outDir, 'figures.csv'), 'keep');
    for (const name of ['figures.csv.1234.0a1b2c3d.tmp', 'results.json.documents.99.deadbeef.tmp', 'report.html.reports.7.00000000.tmp', '.solieu-write-check-42']) {
      await writeFile(join(outDir, name), 'x');
    }
    await writeFile(join(outDir, 'ghi chú của tôi.tmp'), 'not ours');
    await recoverOutputs(outDir);
    expect((await readdir(outDir)).sort()).toEqual(['figures.csv', 'ghi chú của tôi.tmp']);
  });
});

function runCli(args: string[], options: { env?: Record<string, string>; onStderr?: (text: string, child: ReturnType<typeof spawn>) => void } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.SOLIEU_TEST_HOOKS) delete env.SOLIEU_TEST_HOOKS;
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: work, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

describe('the command', () => {
  let input: string;
  beforeAll(async () => {
    input = join(work, 'cli-in');
    await mkdir(input);
    await cp(join(BATCH_DATA, 'clean.txt'), join(input, 'a.txt'));
    await cp(join(root, 'fixtures/reports/seed-001.txt'), join(input, 'b.txt'));
  });

  it('writes a manifest naming the five files and their hashes', async () => {
    const run = await runCli(['run', 'cli-in', '--out', 'out-manifest', '--jobs', '1']);
    expect(run.code, run.stderr).toBe(0);
    const manifest = (await readManifest(join(work, 'out-manifest')))!;
    expect(Object.keys(manifest.files)).toEqual([...OUTPUT_NAMES]);
    for (const file of OUTPUT_NAMES) expect(sha256(await readFile(join(work, 'out-manifest', file)))).toBe(manifest.files[file]!.sha256);
  });

  it.each(OUTPUT_NAMES.flatMap((file) => [[file, 'aside'], [file, 'in']]))(
    'a file that cannot be replaced (%s, moving it %s) is named, with what to do; exit 2; the previous set stays',
    async (file, step) => {
      const outDir = join(work, `out-busy-${file}-${step}`);
      await cp(join(work, 'out-manifest'), outDir, { recursive: true });
      const before = await snapshot(outDir);
      const run = await runCli(['run', 'cli-in', '--out', outDir, '--jobs', '1'], { env: { SOLIEU_TEST_HOOKS: '1', SOLIEU_TEST_FAIL_PUBLISH: `${file}:${step}` } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`không thay được tệp kết quả "${join(outDir, file)}" (EBUSY)`);
      expect(run.stderr).toMatch(/đóng tệp đó rồi chạy lại.*Bộ kết quả cũ được giữ nguyên/u);
      // The cache was filled: it is the only thing that changed.
      const after = await snapshot(outDir);
      delete after['.cache'];
      delete before['.cache'];
      expect(after).toEqual(before);
    },
  );

  it.each([
    ['SIGKILL', null],
    ['SIGHUP', 129],
  ] as const)('%s during the run: the previous set stays; a killed run\'s staging folder is removed by the next run', async (signal, exitCode) => {
    const folder = join(work, `kill-${signal}`);
    await mkdir(folder);
    await cp(join(BATCH_DATA, 'clean.txt'), join(folder, 'a.txt'));
    await cp(join(BATCH_DATA, 'hooks/hang.txt'), join(folder, 'hang.txt'));
    const outDir = join(work, `out-kill-${signal}`);
    await cp(join(work, 'out-manifest'), outDir, { recursive: true });
    await rm(join(outDir, '.cache'), { recursive: true, force: true });
    const before = await snapshot(outDir);
    let sent = false;
    const run = await runCli(['run', folder, '--out', outDir, '--jobs', '1', '--no-cache', '--timeout', '100'], {
      env: { SOLIEU_TEST_HOOKS: '1' },
      onStderr: (stderr, child) => {
        if (!sent && /1\/2 tệp/u.test(stderr)) {
          sent = true;
          child.kill(signal);
        }
      },
    });
    expect(sent).toBe(true);
    if (exitCode === null) expect(run.signal).toBe('SIGKILL');
    else expect(run.code).toBe(exitCode);
    const left = await readdir(outDir);
    if (signal === 'SIGKILL') expect(left.some((name) => name.startsWith(STAGING_PREFIX))).toBe(true);
    else expect(left.filter((name) => name.startsWith(STAGING_PREFIX) || name.endsWith('.tmp'))).toEqual([]);
    const kept = await snapshot(outDir);
    for (const name of Object.keys(kept)) if (name.startsWith(STAGING_PREFIX) || name === '.solieu.lock') delete kept[name];
    expect(kept).toEqual(before);

    // The next run into the folder (a dead pid's lock is taken over) clears what the killed one left.
    await rm(join(folder, 'hang.txt'));
    const next = await runCli(['run', folder, '--out', outDir, '--jobs', '1', '--no-cache']);
    expect(next.code, next.stderr).toBe(0);
    expect((await readdir(outDir)).sort()).toEqual([...ALL].sort());
  }, 120_000);
});

/** A tmpfs of the given size, or undefined where mounting is not allowed (not root, a container without CAP_SYS_ADMIN). */
function tmpfs(path: string, size: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path]).status === 0;
}

describe('a full disk', () => {
  let small: string;
  let mounted = false;
  beforeAll(async () => {
    small = join(work, 'small-disk');
    await mkdir(small);
    mounted = tmpfs(small, '2m');
    if (!mounted) console.warn('\n*** a tmpfs could not be mounted here: the full-disk tests are SKIPPED (they need root with CAP_SYS_ADMIN). ***\n');
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [small]);
  });

  it('is found before the run when the previous set would not fit twice, in Vietnamese, exit 2', async (context) => {
    if (!mounted) return context.skip();
    const outDir = join(small, 'before');
    await mkdir(outDir);
    for (const file of OUTPUT_NAMES) await writeFile(join(outDir, file), Buffer.alloc(250 * 1024, 0x61));
    const before = await snapshot(outDir);
    const run = await runCli(['run', 'cli-in', '--out', outDir, '--jobs', '1', '--no-cache']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ổ đĩa của thư mục kết quả .* chỉ còn [\d,]+ MB trống, cần ít nhất [\d,]+ MB/u);
    expect(run.stderr).not.toMatch(/ENOSPC|no space/iu);
    expect(await snapshot(outDir)).toEqual(before);
    await rm(outDir, { recursive: true });
  });

  it('filling up during the run stops it at once, in Vietnamese; the previous set is intact and nothing is left', async (context) => {
    if (!mounted) return context.skip();
    const outDir = join(small, 'during');
    await mkdir(outDir);
    await writeFile(join(outDir, 'reports.csv'), 'the previous set\n');
    const many = join(work, 'many');
    await mkdir(many);
    // Each copy of the 1 MB line gives megabytes of figures: the 2 MB disk fills with the first ones.
    for (let index = 0; index < 6; index++) await cp(join(root, 'fixtures/bad/long-line-numbers.txt'), join(many, `line-${index}.txt`));
    const started = Date.now();
    const run = await runCli(['run', many, '--out', outDir, '--jobs', '1', '--no-cache']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/đã đầy khi đang ghi kết quả \(ENOSPC\); đã dừng ngay.*bộ kết quả cũ được giữ nguyên/u);
    expect(run.stderr).not.toMatch(/xong \d+ tệp/u);
    // Stopped after the first files, not after all six (each takes seconds).
    expect(run.stderr).not.toMatch(/6\/6 tệp/u);
    expect(Date.now() - started).toBeLessThan(120_000);
    expect((await readdir(outDir)).sort()).toEqual(['reports.csv']);
    expect(await readFile(join(outDir, 'reports.csv'), 'utf8')).toBe('the previous set\n');
  }, 180_000);
});

describe('runBatch from a library', () => {
  it('takes the folder lock itself, and recovers leftovers first', async () => {
    const outDir = join(work, 'library');
    await mkdir(join(outDir, `${STAGING_PREFIX}999-deadbeef`), { recursive: true });
    await writeFile(join(outDir, 'figures.csv.999.deadbeef.tmp'), 'x');
    const summary = await runBatch({ inputs: [join(work, 'cli-in')], outDir, jobs: 1, cache: false });
    expect(summary.documents).toHaveLength(2);
    expect((await readdir(outDir)).sort()).toEqual([...ALL].sort());
    // Two at once into one folder: the second is refused.
    const results = await Promise.allSettled([
      runBatch({ inputs: [join(work, 'cli-in')], outDir, jobs: 1, cache: false }),
      runBatch({ inputs: [join(work, 'cli-in')], outDir, jobs: 1, cache: false }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    await rename(outDir, `${outDir}-done`);
  });
});

describe('the cache', () => {
  it('loses the temp files of entries a killed run was writing', async () => {
    const outDir = join(work, 'cache-leftovers');
    const input = join(work, 'cache-in');
    await mkdir(input);
    await cp(join(BATCH_DATA, 'clean.txt'), join(input, 'a.txt'));
    await cp(join(root, 'fixtures/reports/seed-001.txt'), join(input, 'b.txt'));
    await runBatch({ inputs: [input], outDir, jobs: 1 });
    const versions = await readdir(join(outDir, '.cache'), { withFileTypes: true });
    const version = versions.find((entry) => entry.isDirectory())!.name;
    const shard = join(outDir, '.cache', version, (await readdir(join(outDir, '.cache', version)))[0]!);
    await writeFile(join(shard, 'abc.json.4242.deadbeef.tmp'), '{"half');
    const again = await runBatch({ inputs: [input], outDir, jobs: 1 });
    expect(again.stats.cacheHits).toBe(2);
    expect((await readdir(shard)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
