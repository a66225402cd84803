import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from './support/seeds.ts';
import { externalProgram } from './support/programs.ts';
import { generateCorpus } from '../scripts/bench/generate.ts';

const SEEDS = process.env.SOLIEU_SEEDS ?? SEEDS_DIR;
const poppler = externalProgram('pdftotext', 'poppler-utils', ['-v']);
const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('bench corpus generator', () => {
  it('makes the same reports from the same seed, with the seeds\' shapes in the PDF text', async () => {
    const corpora = [];
    for (let run = 0; run < 2; run++) {
      const root = await mkdtemp(join(tmpdir(), 'solieu-bench-gen-'));
      roots.push(root);
      corpora.push(await generateCorpus({ seed: 11, n: 4, cacheRoot: root, seedsDir: SEEDS }));
    }
    const [first, second] = corpora as [(typeof corpora)[0], (typeof corpora)[0]];
    expect(first.reports).toEqual(second.reports);
    expect(first.reports.map((report) => report.format)).toEqual(['pdf', 'docx', 'pdf', 'docx']);
    expect(await readFile(join(first.dir, first.reports[0]!.file))).toEqual(await readFile(join(second.dir, second.reports[0]!.file)));
    // A DOCX zip carries its creation time; the text it holds must not change.
    const documentXml = async (dir: string) => (await JSZip.loadAsync(await readFile(join(dir, first.reports[1]!.file)))).file('word/document.xml')!.async('string');
    expect(await documentXml(first.dir)).toBe(await documentXml(second.dir));

    if (!poppler.shouldRun) return;
    poppler.require();
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', join(first.dir, first.reports[0]!.file), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toMatch(/^I\. KHÁI QUÁT TÌNH HÌNH$/m);
    expect(text).toMatch(/^2\.1\. Lĩnh vực cư trú$/m);
    expect(text).toMatch(/- Tổng số hồ sơ tiếp nhận: [\d.]+ hồ sơ/);
    expect(text).toMatch(/Số hồ sơ tiếp nhận trực tuyến: [\d.]+\/[\d.]+ hồ sơ = \d+%;/);
    expect(text).toMatch(/Tổng cộng/);
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [join(first.dir, first.reports[0]!.file)], { encoding: 'utf8' }).stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(7);
    expect(pages).toBeLessThanOrEqual(12);
  });
});
