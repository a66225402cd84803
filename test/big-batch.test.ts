import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../src/batch/run.ts';
import type { DocumentResult } from '../src/model/index.ts';

/**
 * 200 files of which 20 are hostile (from fixtures/bad/): the batch completes with 200 rows, and the
 * 180 good files get exactly the figures and findings a run of the good files alone gives them.
 */

const root = resolve(import.meta.dirname, '..');
const REPORTS = join(root, 'fixtures/reports');
const BAD = join(root, 'fixtures/bad');

/** Quick ones: the time-limited long line and the 400 MB lying bomb are covered by test/hostile.test.ts. */
const SLOW_BAD = new Set(['long-line-numbers.txt', 'zip-bomb-lying.docx', 'encrypted-owner-only.pdf', 'README.md']);

function comparable(document: DocumentResult): unknown {
  return { status: document.status, figures: document.figures, findings: document.findings, metadata: document.metadata };
}

describe('a batch of 200 files, 10% of them bad', () => {
  let dir: string;
  let mixed: DocumentResult[];
  let goodOnly: DocumentResult[];
  const goodNames: string[] = [];
  const badNames: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'solieu-big-'));
    const good = join(dir, 'good');
    const all = join(dir, 'all');
    await mkdir(good);
    await mkdir(all);
    const seeds = ['seed-003', 'seed-000', 'seed-003', 'seed-004', 'seed-003'];
    for (let index = 0; index < 180; index++) {
      // Mostly text, every sixth a DOCX: the batch's bookkeeping is under test, not the readers.
      const extension = index % 6 === 0 ? 'docx' : 'txt';
      const name = `xa-${String(index).padStart(3, '0')}.${extension}`;
      const source = join(REPORTS, `${seeds[index % seeds.length]}.${extension}`);
      await copyFile(source, join(good, name));
      await copyFile(source, join(all, name));
      goodNames.push(name);
    }
    const bad = (await readdir(BAD)).filter((name) => !SLOW_BAD.has(name)).sort().slice(0, 20);
    expect(bad).toHaveLength(20);
    for (const name of bad) {
      const target = `zz-bad-${name}`;
      await copyFile(join(BAD, name), join(all, target));
      badNames.push(target);
    }
    const options = { jobs: 2, cache: false, ocr: { mode: 'off' as const }, timeoutSeconds: 60 };
    mixed = (await runBatch({ ...options, inputs: [all], outDir: join(dir, 'out-all') })).documents;
    goodOnly = (await runBatch({ ...options, inputs: [good], outDir: join(dir, 'out-good') })).documents;
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('completes with 200 rows, one per file', () => {
    expect(mixed).toHaveLength(200);
    expect(mixed.map((document) => document.file).sort()).toEqual([...goodNames, ...badNames].sort());
  });

  it("leaves the good files' results exactly as a run of the good files alone gives them", () => {
    const alone = new Map(goodOnly.map((document) => [document.file, comparable(document)]));
    expect(alone.size).toBe(180);
    for (const name of goodNames) {
      const document = mixed.find((candidate) => candidate.file === name);
      expect(document?.status, name).toBe('ok');
      expect(comparable(document!), name).toEqual(alone.get(name));
    }
  });

  it('gives every bad file a row with a status', () => {
    for (const name of badNames) {
      const document = mixed.find((candidate) => candidate.file === name);
      expect(['ok', 'failed', 'needs-ocr'], name).toContain(document?.status);
    }
  });
});
