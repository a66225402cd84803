import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processBytes } from '../src/pipeline/index.ts';
import { runBatch } from '../src/batch/run.ts';
import { LOCK_FILE_NAME, lockOutputDir, OutputLockedError } from '../src/batch/lock.ts';
import { DEFAULT_LIMITS } from '../src/ingest/index.ts';
import type { DocumentResult } from '../src/model/index.ts';

/**
 * fixtures/bad/ (made by scripts/make-bad-fixtures.ts, described in its README) through the pipeline
 * and the batch: every file gets a row and the status its construction calls for, every limit hit
 * says which limit, the file's value and the limit, and two runs never share an output folder.
 */

const root = resolve(import.meta.dirname, '..');
const BAD = join(root, 'fixtures/bad');
const CLI = join(root, 'bin/solieu.mjs');

/** What each file is decides its status: unreadable or over a limit → failed; readable with text → ok. */
const EXPECTED: Record<string, { status: DocumentResult['status']; finding?: string; says?: RegExp }> = {
  'binary-junk.docx': { status: 'failed', finding: 'ingest.failed' },
  'binary-junk.pdf': { status: 'failed', finding: 'ingest.failed' },
  // 8-bit bytes that are not UTF-8 are read as Windows-1252 text: garbage, but text.
  'binary-junk.txt': { status: 'ok' },
  'broken-xml.docx': { status: 'failed', finding: 'ingest.failed' },
  'chinese.txt': { status: 'ok' },
  'deep-nesting.docx': { status: 'failed', finding: 'ingest.failed', says: /lồng nhau quá sâu.*giới hạn 400/ },
  'docx-named-pdf.pdf': { status: 'ok', finding: 'ingest.format-mismatch' },
  'empty.docx': { status: 'failed', finding: 'ingest.empty' },
  'empty.pdf': { status: 'failed', finding: 'ingest.empty' },
  'empty.txt': { status: 'failed', finding: 'ingest.empty' },
  // An owner password only restricts printing/editing; the text opens without a password.
  'encrypted-owner-only.pdf': { status: 'ok' },
  'encrypted-user-password.pdf': { status: 'failed', finding: 'ingest.failed', says: /mật khẩu/ },
  'english.txt': { status: 'ok' },
  'garbled-heavy.pdf': { status: 'failed', finding: 'ingest.failed' },
  'garbled-light.pdf': { status: 'failed', finding: 'ingest.failed' },
  // Random bytes in the zip directory read as absurd sizes, which the local headers contradict: corrupt, not a bomb.
  'garbled.docx': { status: 'failed', finding: 'ingest.failed', says: /DOCX bị hỏng/ },
  // The 100 000 × 100 000 image is dropped unread, leaving a page with nothing on it.
  'huge-image-only.pdf': { status: 'failed', finding: 'ingest.empty' },
  'huge-image-with-text.pdf': { status: 'ok' },
  'long-line-no-spaces.txt': { status: 'ok' },
  // One 1 MB line of figures: extraction and checks are linear and evidence is bounded (test/evidence.test.ts).
  'long-line-numbers.txt': { status: 'ok' },
  'main-part-typed-as-excel.docx': { status: 'ok' },
  'missing-document-part.docx': { status: 'failed', finding: 'ingest.failed', says: /không phải văn bản Word/ },
  'missing-styles.docx': { status: 'ok' },
  'no-eof-trailer.pdf': { status: 'failed', finding: 'ingest.failed' },
  'nul-bytes.txt': { status: 'ok' },
  'pages-3000.pdf': { status: 'failed', finding: 'ingest.failed', says: /3000 trang, vượt giới hạn 1000 trang.*--max-pages.*tách/ },
  // pdf.js counts the page tree's real leaves, not its claim.
  'pages-claims-million.pdf': { status: 'ok' },
  'pdf-named-docx.docx': { status: 'ok', finding: 'ingest.format-mismatch' },
  'pdf-named-txt.txt': { status: 'ok', finding: 'ingest.format-mismatch' },
  'png-named-pdf.pdf': { status: 'failed', finding: 'ingest.failed' },
  // Its bytes say RTF: a format solieu does not read, skipped with how to re-save it.
  'rtf-named-docx.docx': { status: 'skipped', finding: 'ingest.unsupported-format', says: /RTF.*\.docx/ },
  'russian-cp1251.txt': { status: 'ok' },
  'text-named-pdf.pdf': { status: 'failed', finding: 'ingest.failed', says: /văn bản thuần/ },
  'truncated-half.pdf': { status: 'failed', finding: 'ingest.failed' },
  'truncated-header-only.pdf': { status: 'failed', finding: 'ingest.failed' },
  'truncated.docx': { status: 'failed', finding: 'ingest.failed' },
  'utf16-vietnamese.txt': { status: 'ok' },
  'whitespace-only.txt': { status: 'failed', finding: 'ingest.empty' },
  'wrong-content-types.docx': { status: 'failed', finding: 'ingest.failed' },
  'zip-bomb-declared.docx': { status: 'failed', finding: 'ingest.failed', says: /3072 MB, vượt giới hạn 300 MB.*--max-unzipped-mb/ },
  'zip-bomb-lying.docx': { status: 'failed', finding: 'ingest.failed', says: /hơn 300 MB.*--max-unzipped-mb/ },
};

describe('fixtures/bad through processBytes', () => {
  it('lists every committed file in the expectations (and nothing else)', async () => {
    const names = (await readdir(BAD)).filter((name) => name !== 'README.md').sort();
    expect(names).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name} → ${expected.status}${expected.finding ? ` with ${expected.finding}` : ''}`, async () => {
      const bytes = new Uint8Array(await readFile(join(BAD, name)));
      const { result } = await processBytes(bytes, name, { ocr: { mode: 'off' } });
      expect(result.status).toBe(expected.status);
      if (expected.finding) {
        const finding = result.findings.find((candidate) => candidate.rule === expected.finding);
        expect(finding, JSON.stringify(result.findings.map((f) => f.rule))).toBeDefined();
        if (expected.says) expect(finding?.message).toMatch(expected.says);
        if (result.status === 'failed' || result.status === 'skipped') expect(finding?.fatal).toBe(true);
      }
    }, 120_000);
  }
});

describe('limits are options', () => {
  const seedDocx = () => readFile(join(root, 'fixtures/reports/seed-000.docx')).then((buffer) => new Uint8Array(buffer));
  const seedPdf = () => readFile(join(root, 'fixtures/reports/seed-001.pdf')).then((buffer) => new Uint8Array(buffer));

  it('a file over --max-file-mb is refused with its size, the limit and what to do', async () => {
    const { result } = await processBytes(await seedPdf(), 'a.pdf', { limits: { maxFileMb: 0.05 } });
    expect(result.status).toBe('failed');
    expect(result.findings[0]?.message).toMatch(/Tệp quá lớn: 0,1 MB, vượt giới hạn 0.05 MB.*--max-file-mb.*tách/);
  });

  it('a PDF over --max-pages is refused from its page count; raising the limit reads it', async () => {
    const bytes = await seedPdf();
    const refused = await processBytes(bytes, 'a.pdf', { limits: { maxPages: 1 }, ocr: { mode: 'off' } });
    expect(refused.result.status).toBe('failed');
    expect(refused.result.findings[0]?.message).toMatch(/có \d+ trang, vượt giới hạn 1 trang/);
    const read = await processBytes(bytes, 'a.pdf', { limits: { maxPages: 50 }, ocr: { mode: 'off' } });
    expect(read.result.status).toBe('ok');
  });

  it('a DOCX over --max-unzipped-mb is refused from its zip directory', async () => {
    const { result } = await processBytes(await seedDocx(), 'a.docx', { limits: { maxUnzippedMb: 0.01 } });
    expect(result.status).toBe('failed');
    expect(result.findings[0]?.message).toMatch(/giải nén lên tới .* MB, vượt giới hạn 0.01 MB/);
  });

  it('the lying zip bomb is read under a limit above its real size (the guard measures, it does not guess)', async () => {
    // 400 MB of spaces plus the report: allowed at 1000 MB, the report's own text is then read.
    const bytes = new Uint8Array(await readFile(join(BAD, 'zip-bomb-lying.docx')));
    const { result } = await processBytes(bytes, 'a.docx', { limits: { maxUnzippedMb: 1000 } });
    expect(result.status).toBe('ok');
  }, 60_000);

  it('defaults are the documented ones', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileMb: 100, maxPages: 1000, maxUnzippedMb: 300 });
  });
});

describe('a hostile inbox through the batch', () => {
  let dir: string;
  let inbox: string;
  let documents: DocumentResult[];
  let expectedFiles: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'solieu-hostile-'));
    inbox = join(dir, 'Hộp thư đến');
    const sub = join(inbox, 'Báo cáo xã Tân Phú (bản cuối)');
    await mkdir(sub, { recursive: true });
    await cp(BAD, join(inbox, 'bad'), { recursive: true });
    await rm(join(inbox, 'bad/README.md'), { force: true });
    await cp(join(root, 'fixtures/reports/seed-004.docx'), join(sub, 'Báo cáo tháng 5 năm 2024.docx'));
    await writeFile(join(sub, '=HYPERLINK("x")  <script>.txt'), 'Toàn xã có 12 thôn.\n');
    await writeFile(join(inbox, '=HYPERLINK("x")  <script>.txt'), 'Toàn xã có 12 thôn.\n');
    // A symlink loop and a link back to the top: the walk must cut both.
    await symlink(inbox, join(sub, 'vòng lặp'));
    await symlink('.', join(inbox, 'tự trỏ'));
    // 101 MB, sparse on disk: refused from its size, never read into memory.
    await writeFile(join(inbox, 'video đổi tên.pdf'), '');
    await truncate(join(inbox, 'video đổi tên.pdf'), 101 * 1024 * 1024);
    expectedFiles = [
      ...Object.keys(EXPECTED).map((name) => `bad/${name}`),
      'Báo cáo xã Tân Phú (bản cuối)/Báo cáo tháng 5 năm 2024.docx',
      'Báo cáo xã Tân Phú (bản cuối)/=HYPERLINK("x")  <script>.txt',
      'video đổi tên.pdf',
      '=HYPERLINK("x")  <script>.txt',
    ];
    // The output folder inside the input folder: it is skipped by the walk, not read back.
    const summary = await runBatch({ inputs: [inbox], outDir: join(inbox, 'kết quả'), jobs: 2, timeoutSeconds: 90, cache: false, ocr: { mode: 'off' } });
    documents = summary.documents;
  }, 240_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('gives every file exactly one row, and nothing from the loops or the output folder', () => {
    expect(documents.map((document) => document.file).sort()).toEqual([...expectedFiles].sort());
  });

  it('every row has a status; every failed row a fatal finding with a message', () => {
    for (const document of documents) {
      expect(['ok', 'needs-ocr', 'failed', 'skipped']).toContain(document.status);
      if (document.status === 'failed') {
        const fatal = document.findings.find((finding) => finding.fatal);
        expect(fatal?.message.length, document.file).toBeGreaterThan(20);
      }
    }
  });

  it('the same statuses as one file at a time', () => {
    for (const [name, expected] of Object.entries(EXPECTED)) {
      expect(documents.find((document) => document.file === `bad/${name}`)?.status, name).toBe(expected.status);
    }
  });

  it('the oversized file is refused by size', () => {
    const big = documents.find((document) => document.file === 'video đổi tên.pdf');
    expect(big?.status).toBe('failed');
    expect(big?.findings[0]?.message).toMatch(/Tệp quá lớn: 101 MB, vượt giới hạn 100 MB/);
  });

  it('a hostile file name is neither a formula in reports.csv nor markup in report.html', async () => {
    const csv = await readFile(join(inbox, 'kết quả', 'reports.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""x"")  <script>.txt"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const html = await readFile(join(inbox, 'kết quả', 'report.html'), 'utf8');
    expect(html).not.toContain('<script>.txt');
  });

  it('the odd names are read like any other', () => {
    expect(documents.find((document) => document.file.endsWith('Báo cáo tháng 5 năm 2024.docx'))?.status).toBe('ok');
    expect(documents.find((document) => document.file.includes('HYPERLINK'))?.status).toBe('ok');
  });
});

describe('one run per output folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'solieu-lock-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a second lock on the same folder is refused, naming the first', async () => {
    const first = await lockOutputDir(dir);
    try {
      await expect(lockOutputDir(dir)).rejects.toThrow(OutputLockedError);
      await expect(lockOutputDir(dir)).rejects.toThrow(new RegExp(`tiến trình ${process.pid}`));
    } finally {
      await first.release();
    }
    const again = await lockOutputDir(dir);
    await again.release();
  });

  it('a lock left by a dead process is taken over', async () => {
    // A pid that has exited: the child of a finished spawnSync.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: dead, host: (await import('node:os')).hostname(), startedAt: '2024-01-01T00:00:00Z' }));
    const lock = await lockOutputDir(dir);
    await lock.release();
  });

  it('the CLI refuses a folder another live run holds, with exit 2 and a Vietnamese message', async () => {
    const input = join(dir, 'in');
    await mkdir(input, { recursive: true });
    await writeFile(join(input, 'a.txt'), 'Toàn xã có 12 thôn.\n');
    const out = join(dir, 'out');
    await mkdir(out, { recursive: true });
    const held = await lockOutputDir(out);
    try {
      const run = spawnSync(process.execPath, [CLI, 'run', input, '--out', out, '--jobs', '1', '--no-cache'], { encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/đang được một lần chạy khác sử dụng \(tiến trình \d+/);
    } finally {
      await held.release();
    }
    const run = spawnSync(process.execPath, [CLI, 'run', input, '--out', out, '--jobs', '1', '--no-cache'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(await readdir(out)).not.toContain(LOCK_FILE_NAME);
  }, 60_000);
});
