import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResultsSchema, type DocumentStatus, type Results } from '../src/model/index.ts';
import { runBatch } from '../src/batch/run.ts';
import { formatSummary, ProgressReporter, type BatchEvent } from '../src/batch/progress.ts';
import { RULES_VERSION, TOOL_VERSION } from '../src/version.ts';
import { readCsv, readCsvRecords } from './support/read-csv.ts';

/**
 * The real command (`node bin/solieu.mjs run …`, worker threads and all) on a small folder of real
 * reports, checked against docs/contract.md: file names, columns, encoding, statuses, exit codes,
 * determinism across --jobs, the cache, the per-file limits and an interrupted run.
 */

const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'bin/solieu.mjs');
const BATCH_DATA = join(root, 'test/data/batch');

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Columns exactly as docs/contract.md lists them. */
/** Columns exactly as docs/contract.md lists them, then `ocr` (appended: the figure was read by OCR). */
const FIGURE_HEADER = ['file', 'metric', 'value', 'denominator', 'percent', 'unit', 'year', 'procedure', 'raw', 'page', 'line', 'evidence', 'rule', 'ocr', 'as_of', 'subject'];
/** `files` (appended): the reports a finding across reports involves; empty for a file's own findings. */
const FINDING_HEADER = ['file', 'rule', 'severity', 'message', 'values', 'page', 'line', 'evidence', 'fingerprint', 'files'];
const REPORT_HEADER_START = ['file', 'status', 'doc_type', 'unit_name', 'province', 'period', 'report_date', 'pages', 'figures', 'errors', 'warnings', 'infos'];
/** Appended after the core metrics, in this order: the baseline's count, then the rest of the report's identity. */
const REPORT_HEADER_APPENDED = ['suppressed', 'unit_level', 'district', 'identity_source'];
/** The contract's metric catalog: reports.csv's extra columns must be ids from it. */
const CATALOG_METRICS = new Set([
  'villages', 'households', 'population', 'area_km2', 'tasks.assigned', 'tasks.completed', 'tasks.unfinished', 'tasks.recurring',
  'tasks.in_progress', 'tasks.overdue', 'eid.accounts', 'eid.level1', 'eid.level2', 'eid.activated', 'eid.applications',
  'idcards.issued', 'idcards.applications', 'dossiers.received', 'dossiers.resolved', 'dossiers.due', 'dossiers.early',
  'dossiers.online', 'dossiers.direct', 'dossiers.on_time', 'dossiers.late', 'dossiers.in_progress', 'dossiers.returned',
  'dossiers.supplement', 'dossiers.carried_over', 'digitized.dossiers', 'digitized.results', 'services.essential',
  'services.full_online', 'services.partial_online', 'procedures.published', 'outreach.posts', 'outreach.broadcasts',
  'outreach.meetings', 'outreach.participants', 'smartphone_rate',
]);

/**
 * The test folder, in the order the walk must list it (UTF-16 code-unit order, folder by folder),
 * with the status each file must get: what it is decides it, per the contract — a scan has no text
 * layer, a truncated or empty file cannot be read, a DOCX named .pdf is read as what it is.
 */
const EXPECTED_ROWS: ReadonlyArray<readonly [file: string, status: string]> = [
  ['+84 danh bạ.txt', 'ok'],
  ['-2 ghi chú.txt', 'ok'],
  ['=1+1.txt', 'ok'],
  ['@SUM(A1).txt', 'ok'],
  ['Báo cáo tháng 5.txt', 'ok'],
  ['bảng tính.xlsx', 'skipped'],
  ['fixtures/bad/empty-text.docx', 'failed'],
  ['fixtures/bad/empty.pdf', 'failed'],
  ['fixtures/bad/really-a-docx.pdf', 'ok'],
  ['fixtures/bad/truncated.pdf', 'failed'],
  ['fixtures/legacy/seed-003-tcvn3.docx', 'ok'],
  // A scan has no text layer: it is read by OCR (the default, --ocr auto).
  ['fixtures/scan/seed-003-scan.pdf', 'ok'],
  ['fixtures/seed-000.docx', 'ok'],
  ['fixtures/seed-001.txt', 'ok'],
  ['fixtures/seed-003.pdf', 'ok'],
  ['không treo.txt', 'ok'],
  ['ảnh chụp.png', 'skipped'],
];
const READABLE_COUNT = EXPECTED_ROWS.filter(([, status]) => status !== 'skipped').length;
/** The text outputs, compared byte for byte; solieu.xlsx is a zip whose entries carry the time it was written. */
const OUTPUT_FILES = ['figures.csv', 'findings.csv', 'reports.csv', 'results.json', 'report.html', 'rollup.csv'];

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let work: string;

function runCli(
  args: string[],
  options: { env?: Record<string, string>; onStderr?: (text: string, child: ReturnType<typeof spawn>) => void } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.SOLIEU_TEST_HOOKS) delete env.SOLIEU_TEST_HOOKS;
  return new Promise((resolvePromise, reject) => {
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

async function readOutputs(outDir: string): Promise<Map<string, Buffer>> {
  const outputs = new Map<string, Buffer>();
  for (const name of OUTPUT_FILES) outputs.set(name, await readFile(join(outDir, name)));
  return outputs;
}

/** Outputs compared byte for byte, except the generation timestamp in results.json and report.html. */
function withoutTimestamp(outputs: Map<string, Buffer>): Map<string, string> {
  const results = JSON.parse(outputs.get('results.json')!.toString('utf8')) as Results;
  const normalized = new Map<string, string>();
  for (const [name, bytes] of outputs) normalized.set(name, bytes.toString('utf8').replaceAll(results.generatedAt, '<generatedAt>'));
  return normalized;
}

function csvRecords(outputs: Map<string, Buffer>, name: string): Array<Record<string, string>> {
  return readCsvRecords(outputs.get(name)!.subarray(BOM.length).toString('utf8'));
}

/** Cache hits as the end-of-run summary states them. */
function cacheHitsOf(run: CliRun): number {
  const match = /lấy từ bộ nhớ đệm: (\d+) tệp/.exec(run.stderr);
  if (!match) throw new Error(`no cache line in:\n${run.stderr}`);
  return Number(match[1]);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'solieu-batch-'));
  const input = join(work, 'in');
  await mkdir(input);
  const clean = join(BATCH_DATA, 'clean.txt');
  for (const name of ['Báo cáo tháng 5.txt', '=1+1.txt', '+84 danh bạ.txt', '-2 ghi chú.txt', '@SUM(A1).txt']) await cp(clean, join(input, name));
  // Without SOLIEU_TEST_HOOKS a hook file is plain text: the hooks cannot fire in a real run.
  await cp(join(BATCH_DATA, 'hooks/hang.txt'), join(input, 'không treo.txt'));
  await writeFile(join(input, 'bảng tính.xlsx'), Buffer.from('PK\u0003\u0004 not really a workbook'));
  await writeFile(join(input, 'ảnh chụp.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  for (const [file] of EXPECTED_ROWS) {
    if (!file.startsWith('fixtures/')) continue;
    await cp(join(root, 'fixtures/reports', file.slice('fixtures/'.length)), join(input, file), { recursive: true });
  }
  await mkdir(join(work, 'clean'));
  await cp(clean, join(work, 'clean/báo cáo.txt'));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('solieu run (the real CLI)', () => {
  let outputsJobs1: Map<string, Buffer>;

  it('writes the five outputs with the contract columns, BOM, CRLF and one row per input', async () => {
    const run = await runCli(['run', 'in', '--out', 'out-jobs1', '--jobs', '1', '--no-cache']);
    expect(run.stderr).toContain(`xong ${EXPECTED_ROWS.length} tệp`);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    outputsJobs1 = await readOutputs(join(work, 'out-jobs1'));

    for (const name of ['figures.csv', 'findings.csv', 'reports.csv']) {
      const bytes = outputsJobs1.get(name)!;
      expect(bytes.subarray(0, 3).equals(BOM), `${name} starts with a BOM`).toBe(true);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.endsWith('\r\n'), `${name} ends its last row with CRLF`).toBe(true);
      // readCsv accepts only CRLF row ends and RFC 4180 quoting.
      for (const row of readCsv(text)) {
        for (const cell of row) expect(cell, `${name}: a cell a spreadsheet would run`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(readCsv(outputsJobs1.get('figures.csv')!.subarray(3).toString('utf8'))[0]).toEqual(FIGURE_HEADER);
    expect(readCsv(outputsJobs1.get('findings.csv')!.subarray(3).toString('utf8'))[0]).toEqual(FINDING_HEADER);
    const reportHeader = readCsv(outputsJobs1.get('reports.csv')!.subarray(3).toString('utf8'))[0]!;
    expect(reportHeader.slice(0, REPORT_HEADER_START.length)).toEqual(REPORT_HEADER_START);
    // Core metric columns, then the appended ones (contract extensions: positions stay stable).
    expect(reportHeader.slice(-4)).toEqual(REPORT_HEADER_APPENDED);
    const metricColumns = reportHeader.slice(REPORT_HEADER_START.length, -REPORT_HEADER_APPENDED.length);
    expect(metricColumns.length).toBeGreaterThan(0);
    for (const column of metricColumns) expect(CATALOG_METRICS.has(column), `reports.csv column ${column}`).toBe(true);

    const reports = csvRecords(outputsJobs1, 'reports.csv');
    const guarded = (file: string) => (/^[=+\-@]/.test(file) ? `'${file}` : file);
    expect(reports.map((row) => [row.file, row.status])).toEqual(EXPECTED_ROWS.map(([file, status]) => [guarded(file), status]));

    const findings = csvRecords(outputsJobs1, 'findings.csv');
    for (const row of reports) {
      // A file's own findings: those across reports are counted for the batch, not in its row.
      const own = findings.filter((finding) => finding.file === row.file && finding.files === '');
      expect(Number(row.errors), `${row.file} errors`).toBe(own.filter((finding) => finding.severity === 'error').length);
      expect(Number(row.warnings), `${row.file} warnings`).toBe(own.filter((finding) => finding.severity === 'warning').length);
      expect(Number(row.infos), `${row.file} infos`).toBe(own.filter((finding) => finding.severity === 'info').length);
      if (row.status === 'failed') expect(own.some((finding) => /^ingest\.(failed|empty)$/.test(finding.rule!)), `${row.file} says why`).toBe(true);
      if (row.status === 'needs-ocr') expect(own.some((finding) => finding.rule === 'ingest.needs-ocr')).toBe(true);
      // Nothing is left out without a word: a skipped file says why and what to do.
      if (row.status === 'skipped') expect(own.map((finding) => [finding.rule, finding.severity])).toEqual([['ingest.skipped', 'info']]);
    }
    // The scan's figures are marked as read by OCR in the appended `ocr` column; a text PDF's are not.
    const figureRows = csvRecords(outputsJobs1, 'figures.csv');
    const scanFigures = figureRows.filter((figure) => figure.file === 'fixtures/scan/seed-003-scan.pdf');
    expect(scanFigures.length).toBeGreaterThan(40);
    expect(scanFigures.every((figure) => figure.ocr === 'yes')).toBe(true);
    expect(figureRows.filter((figure) => figure.file === 'fixtures/seed-003.pdf').every((figure) => figure.ocr === '')).toBe(true);
    expect(findings.filter((finding) => finding.file === 'fixtures/scan/seed-003-scan.pdf').map((finding) => finding.rule)).toContain('ingest.ocr');
    const truncated = findings.find((finding) => finding.file === 'fixtures/bad/truncated.pdf')!;
    expect(truncated.severity).toBe('error');
    expect(truncated.message).toMatch(/[ăâđêôơư]/u);

    const results = ResultsSchema.parse(JSON.parse(outputsJobs1.get('results.json')!.toString('utf8')));
    expect(results.toolVersion).toBe(TOOL_VERSION);
    expect(results.rulesVersion).toBe(RULES_VERSION);
    expect(results.documents.map((document) => [document.file, document.status])).toEqual(EXPECTED_ROWS);
    expect(outputsJobs1.get('report.html')!.toString('utf8')).toContain('Báo cáo tháng 5.txt');
    await expect(readdir(join(work, 'out-jobs1'))).resolves.not.toContain('.cache');
  });

  let outputsJobs2: Map<string, Buffer>;

  it('gives the same outputs with --jobs 2 (and a cold cache) as with --jobs 1 and no cache', async () => {
    const run = await runCli(['run', 'in', '--out', 'out-jobs2', '--jobs', '2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(cacheHitsOf(run)).toBe(0);
    outputsJobs2 = await readOutputs(join(work, 'out-jobs2'));
    expect(withoutTimestamp(outputsJobs2)).toEqual(withoutTimestamp(outputsJobs1));
  });

  it('serves an unchanged folder from the cache, with identical outputs', async () => {
    const run = await runCli(['run', 'in', '--out', 'out-jobs2', '--jobs', '2']);
    expect(run.code).toBe(0);
    expect(cacheHitsOf(run)).toBe(READABLE_COUNT);
    expect(run.stderr).toContain('đã xử lý 0 tệp');
    expect(withoutTimestamp(await readOutputs(join(work, 'out-jobs2')))).toEqual(withoutTimestamp(outputsJobs1));
  });

  it('--ocr off leaves the scan at needs-ocr, and the cache keeps results with and without OCR apart', async () => {
    const off = await runCli(['run', 'in', '--out', 'out-jobs2', '--jobs', '2', '--ocr', 'off']);
    expect(off.code).toBe(0);
    expect(cacheHitsOf(off)).toBe(0);
    const reports = csvRecords(await readOutputs(join(work, 'out-jobs2')), 'reports.csv');
    expect(reports.find((row) => row.file === 'fixtures/scan/seed-003-scan.pdf')?.status).toBe('needs-ocr');
    expect(cacheHitsOf(await runCli(['run', 'in', '--out', 'out-jobs2', '--jobs', '2', '--ocr', 'off']))).toBe(READABLE_COUNT);
    // Back to the default: its own entries are still there.
    const auto = await runCli(['run', 'in', '--out', 'out-jobs2', '--jobs', '2']);
    expect(cacheHitsOf(auto)).toBe(READABLE_COUNT);
    expect(withoutTimestamp(await readOutputs(join(work, 'out-jobs2')))).toEqual(withoutTimestamp(outputsJobs1));
  });

  it('re-labels a cached result with the path the file has now', async () => {
    await cp(join(work, 'in'), join(work, 'in-renamed'), { recursive: true });
    await mkdir(join(work, 'in-renamed/đã đổi tên'));
    await rename(join(work, 'in-renamed/Báo cáo tháng 5.txt'), join(work, 'in-renamed/đã đổi tên/Báo cáo tháng 6.txt'));
    await cp(join(work, 'out-jobs2/.cache'), join(work, 'out-renamed/.cache'), { recursive: true });
    const run = await runCli(['run', 'in-renamed', '--out', 'out-renamed']);
    expect(run.code).toBe(0);
    expect(cacheHitsOf(run)).toBe(READABLE_COUNT);
    const results = ResultsSchema.parse(JSON.parse(await readFile(join(work, 'out-renamed/results.json'), 'utf8')));
    const moved = results.documents.find((document) => document.file === 'đã đổi tên/Báo cáo tháng 6.txt');
    expect(moved?.status).toBe('ok');
    expect(moved?.source?.path).toBe('đã đổi tên/Báo cáo tháng 6.txt');
    expect(results.documents.some((document) => document.file === 'Báo cáo tháng 5.txt')).toBe(false);
  });

  it('--fail-on: exit 1 when a finding reaches the level, 0 otherwise', async () => {
    // Served from the cache filled above: the broken fixtures give errors (and warnings).
    expect((await runCli(['run', 'in', '--out', 'out-jobs2', '--fail-on', 'error'])).code).toBe(1);
    expect((await runCli(['run', 'in', '--out', 'out-jobs2', '--fail-on', 'warning'])).code).toBe(1);
    expect((await runCli(['run', 'in', '--out', 'out-jobs2', '--fail-on', 'none'])).code).toBe(0);
    expect((await runCli(['run', 'clean', '--out', 'out-clean', '--fail-on', 'warning'])).code).toBe(0);
    expect((await runCli(['run', 'clean', '--out', 'out-clean', '--fail-on', 'error'])).code).toBe(0);
  });

  it.each([
    [['run', 'in', '--jobs', '0']],
    [['run', 'in', '--jobs', 'hai']],
    [['run', 'in', '--timeout', '0']],
    [['run', 'in', '--max-memory-mb', '-5']],
    [['run', 'in', '--fail-on', 'fatal']],
    [['run', 'in', '--ocr', 'sometimes']],
    [['run', 'in', '--ocr-max-pages', '0']],
    [['run', 'in', '--bogus']],
    [['run', 'không có thư mục này']],
    [['run']],
    [['chạy', 'in']],
    [['run', 'in', '--out', 'in/Báo cáo tháng 5.txt']],
    [['run', 'in', '--out', 'in']],
    [['run', 'in', '--out', './in/']],
  ])('exits 2 without touching anything for %j', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.length).toBeGreaterThan(0);
    await expect(readdir(join(work, 'in'))).resolves.not.toContain('reports.csv');
  });

  it('exits 2 when the output folder cannot be created', async () => {
    await writeFile(join(work, 'a-file'), 'x');
    const run = await runCli(['run', 'clean', '--out', 'a-file/out']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a-file/out');
  });
});

describe('per-file limits (SOLIEU_TEST_HOOKS=1 makes files misbehave in the worker)', () => {
  it('a file that hangs, eats memory, throws or exits becomes a failed row; the batch goes on', async () => {
    const folder = join(work, 'limits');
    await cp(join(BATCH_DATA, 'hooks'), folder, { recursive: true });
    await cp(join(BATCH_DATA, 'clean.txt'), join(folder, 'zz-bình thường.txt'));
    const run = await runCli(['run', 'limits', '--out', 'out-limits', '--jobs', '2', '--timeout', '30', '--max-memory-mb', '256', '--no-cache'], {
      env: { SOLIEU_TEST_HOOKS: '1' },
    });
    expect(run.code).toBe(0);
    const outputs = await readOutputs(join(work, 'out-limits'));
    const reports = csvRecords(outputs, 'reports.csv');
    expect(reports.map((row) => [row.file, row.status])).toEqual([
      ['allocate.txt', 'failed'],
      ['crash.txt', 'failed'],
      ['exit.txt', 'failed'],
      ['hang.txt', 'failed'],
      ['zz-bình thường.txt', 'ok'],
    ]);
    const messageOf = (file: string) => {
      const findings = csvRecords(outputs, 'findings.csv').filter((finding) => finding.file === file);
      expect(findings.map((finding) => [finding.rule, finding.severity])).toEqual([['ingest.failed', 'error']]);
      return findings[0]!.message!;
    };
    expect(messageOf('hang.txt')).toMatch(/quá 30 giây.*--timeout/u);
    expect(messageOf('allocate.txt')).toMatch(/quá 256 MB.*--max-memory-mb/u);
    expect(messageOf('crash.txt')).toMatch(/sự cố/u);
    expect(messageOf('exit.txt')).toMatch(/sự cố/u);
    expect(run.stderr).toContain('crash.txt');
  });

  it('a real PDF over a tiny time limit is stopped and reported', async () => {
    const folder = join(work, 'slow');
    await mkdir(folder);
    await cp(join(root, 'fixtures/reports/seed-002.pdf'), join(folder, 'seed-002.pdf'));
    const run = await runCli(['run', 'slow', '--out', 'out-slow', '--timeout', '0.001', '--no-cache']);
    expect(run.code).toBe(0);
    const outputs = await readOutputs(join(work, 'out-slow'));
    expect(csvRecords(outputs, 'reports.csv').map((row) => row.status)).toEqual(['failed']);
    expect(csvRecords(outputs, 'findings.csv')[0]!.message).toMatch(/quá 0,001 giây/u);
  });
});

describe('an interrupted run', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: workers stop, nothing is written, the previous outputs stay byte-identical', async (signal, exitCode) => {
    const folder = join(work, `interrupt-${signal}`);
    await mkdir(folder);
    await cp(join(BATCH_DATA, 'hooks/hang.txt'), join(folder, 'hang.txt'));
    await cp(join(BATCH_DATA, 'clean.txt'), join(folder, 'clean.txt'));
    const outDir = join(work, `out-${signal}`);
    await cp(join(work, 'out-jobs1'), outDir, { recursive: true });
    const before = await readOutputs(outDir);

    let sent = false;
    const run = await runCli(['run', folder, '--out', outDir, '--jobs', '1', '--timeout', '100'], {
      env: { SOLIEU_TEST_HOOKS: '1' },
      onStderr: (stderr, child) => {
        // Once the workers are parsing, clean.txt is done and hang.txt will never finish.
        if (!sent && /1\/2 tệp/.test(stderr)) {
          sent = true;
          child.kill(signal);
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.code).toBe(exitCode);
    expect(run.stdout).toBe('');
    expect(await readOutputs(outDir)).toEqual(before);
    expect((await readdir(outDir)).filter((name) => name.endsWith('.tmp') || name.startsWith('.staging-'))).toEqual([]);
  });
});

describe('runBatch inside the test process', () => {
  it('starts its TypeScript workers from vitest too', async () => {
    const outDir = join(work, 'out-in-process');
    const summary = await runBatch({ inputs: [join(work, 'clean'), join(BATCH_DATA, 'clean.txt')], outDir, jobs: 2, cache: false });
    expect(summary.documents.map((document) => [document.file, document.status])).toEqual([
      ['báo cáo.txt', 'ok'],
      ['clean.txt', 'ok'],
    ]);
    expect(summary.stats.parsed).toBe(2);
    expect((await readdir(outDir)).sort()).toEqual([...OUTPUT_FILES, 'solieu.xlsx', 'outputs.json'].sort());
  });
});

describe('progress on stderr', () => {
  const done = (status: DocumentStatus, pages = 0): BatchEvent => ({
    type: 'file-done',
    fromCache: false,
    result: { file: 'x.pdf', status, metadata: {}, figures: [], findings: [], ...(pages ? { source: { path: 'x.pdf', format: 'pdf', sha256: '0', bytes: 1, pages } } : {}) },
  });

  it('in a log: a plain line per tenth of a big batch, not one per file', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = new ProgressReporter((text) => lines.push(text), { tty: false, now: () => now });
    progress.onEvent({ type: 'listed', total: 1000 });
    progress.onEvent({ type: 'parsing', toParse: 1000, workers: 2 });
    for (let index = 0; index < 1000; index++) {
      now += 5;
      progress.onEvent(done(index % 100 === 0 ? 'failed' : 'ok', 2));
    }
    progress.finish();
    const statusLines = lines.filter((line) => /\d+\/1000 tệp/.test(line));
    expect(statusLines.length).toBe(10);
    expect(lines.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(statusLines.at(-1)).toMatch(/^solieu: 1000\/1000 tệp · 400 trang\/giây · không đọc được 10\n$/u);
    expect(statusLines[4]).toMatch(/500\/1000 tệp · 400 trang\/giây · còn ~2,5 giây · không đọc được 5/u);
  });

  it('in a log: a line every ten seconds when files are slow', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = new ProgressReporter((text) => lines.push(text), { tty: false, now: () => now });
    progress.onEvent({ type: 'listed', total: 1000 });
    progress.onEvent({ type: 'parsing', toParse: 1000, workers: 2 });
    for (let index = 0; index < 60; index++) {
      now += 2000;
      progress.onEvent(done('ok'));
    }
    progress.finish();
    // 120 s for 6 % of the batch: one line every 10 s, not one per file.
    expect(lines.filter((line) => /\/1000 tệp/.test(line)).length).toBe(12);
  });

  it('on a terminal: one line redrawn in place, cleared at the end', () => {
    const writes: string[] = [];
    let now = 0;
    const progress = new ProgressReporter((text) => writes.push(text), { tty: true, columns: 60, now: () => now });
    progress.onEvent({ type: 'listed', total: 3 });
    progress.onEvent({ type: 'parsing', toParse: 3, workers: 2 });
    for (let index = 0; index < 3; index++) {
      now += 1000;
      progress.onEvent(done('ok', 4));
    }
    progress.finish();
    expect(writes.join('')).not.toContain('\n');
    expect(writes.every((text) => text.startsWith('\r'))).toBe(true);
    expect(writes.slice(0, -1).every((text) => text.length <= 60 + 5)).toBe(true);
    expect(writes.at(-2)).toContain('3/3 tệp');
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });

  it('fits 80 columns (79 drawn) whatever the numbers, never cutting the count of unreadable files', () => {
    for (const columns of [undefined, 0, 40, 60, 80, 120]) {
      const writes: string[] = [];
      let now = 0;
      const progress = new ProgressReporter((text) => writes.push(text), { tty: true, ...(columns !== undefined ? { columns } : {}), now: () => now });
      progress.onEvent({ type: 'listed', total: 123_456 });
      progress.onEvent({ type: 'parsing', toParse: 123_456, workers: 2 });
      for (let index = 0; index < 3_000; index++) {
        now += 1_000;
        progress.onEvent(done(index % 3 === 0 ? 'failed' : 'ok', 1_234));
      }
      const limit = (columns !== undefined && columns >= 40 ? columns : 80) - 1;
      const lines = writes.map((text) => text.replace('\r\u001b[2K', '')).filter((text) => text !== '');
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) {
        expect(line.length, `${columns}: ${line}`).toBeLessThanOrEqual(limit);
        expect(line).toMatch(/tệp/u);
        expect(line).toMatch(/không đọc được \d+$/u);
      }
      expect(lines.at(-1)).toMatch(/3000\/123456 tệp.*không đọc được 1000$/u);
      if (limit >= 79) expect(lines.at(-1)).toMatch(/còn ~/u);
      progress.finish();
    }
  });

  it('says "lỗi" only of error findings: unreadable files are "không đọc được"', () => {
    const writes: string[] = [];
    const progress = new ProgressReporter((text) => writes.push(text), { tty: false });
    progress.onEvent({ type: 'listed', total: 2 });
    progress.onEvent({ type: 'parsing', toParse: 2, workers: 1 });
    progress.onEvent(done('failed'));
    progress.onEvent(done('ok'));
    progress.finish();
    expect(writes.join('')).not.toMatch(/lỗi/u);
  });

  it('summarises files by status in Vietnamese, names the unreadable ones, findings by severity, time, speed and cache hits', () => {
    const stats = {
      files: 12,
      byStatus: { ok: 8, 'needs-ocr': 1, failed: 2, skipped: 1 },
      bySeverity: { error: 3, warning: 2, info: 1 },
      cacheHits: 5,
      parsed: 6,
      pages: 48,
      elapsedMs: 4000,
      workers: 2,
      failedFiles: ['a/hỏng.pdf', 'b.docx'],
    };
    expect(formatSummary(stats, 'out')).toBe(
      'solieu: xong 12 tệp trong 4 giây: 8 đọc được, 1 cần OCR, 2 không đọc được, 1 bỏ qua.\n' +
        'solieu: không đọc được 2 tệp: "a/hỏng.pdf", "b.docx" (lý do và cách xử lý trong findings.csv).\n' +
        'solieu: phát hiện: 3 lỗi, 2 cảnh báo, 1 thông tin.\n' +
        'solieu: đã xử lý 6 tệp (48 trang) bằng 2 luồng; 1,5 tệp/giây, 12 trang/giây; lấy từ bộ nhớ đệm: 5 tệp.\n' +
        'solieu: kết quả trong out\n',
    );
    const many = formatSummary({ ...stats, byStatus: { ...stats.byStatus, failed: 40 }, failedFiles: ['1.pdf', '2.pdf', '3.pdf', '4.pdf', '5.pdf'] }, 'out');
    expect(many).toContain('solieu: không đọc được 40 tệp: "1.pdf", "2.pdf", "3.pdf", "4.pdf", "5.pdf" và 35 tệp khác (');
    expect(many).not.toMatch(/\b(ok|failed|skipped|needs-ocr)\b/u);
  });
});
