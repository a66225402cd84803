import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyReview, BaselineError, parseReview, readReview, ReviewSchema, type Review } from '../src/batch/baseline.ts';
import { fingerprintOf, ResultsSchema, type DocumentResult, type Finding } from '../src/model/index.ts';
import { CORE_METRICS, findingsCsv, REPORT_COLUMNS, reportsCsv } from '../src/report/csv.ts';
import * as solieu from '../src/index.ts';
import { readCsv, readCsvRecords } from './support/read-csv.ts';

/**
 * review.json and `solieu run --baseline`: the file's shape and its Vietnamese refusals, what a dismissal does to
 * findings.csv / reports.csv / results.json, and (with the real command) that a dismissal keeps matching after a
 * re-run and an unrelated edit of the report, and that a bad baseline stops the command with exit status 2.
 */

const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'bin/solieu.mjs');

/** The seed case of 004: "6.702/6.715 hồ sơ = 91%", really 99,81%. */
function seedRatioFinding(file: string): Finding {
  const values = [6702, 6715, 91];
  return {
    rule: 'ratio-mismatch',
    severity: 'error',
    fatal: false,
    message: 'Tỷ lệ nêu là 91% nhưng 6.702/6.715 = 99,81%',
    values,
    expected: 99.81,
    evidence: [{ quote: 'Năm 2023: 6.702/6.715 hồ sơ = 91%', location: { page: 3, line: 15 } }],
    fingerprint: fingerprintOf(file, 'ratio-mismatch', values),
  };
}

function roundedFinding(file: string): Finding {
  const values = [13274, 13303, 100];
  return {
    rule: 'rounded-to-full',
    severity: 'info',
    fatal: false,
    message: '13.274/13.303 = 99,78%, được làm tròn thành 100%',
    values,
    expected: 99.78,
    evidence: [{ quote: 'Số hồ sơ đã giải quyết đúng hạn: 13.274/13.303 = 100%', location: { page: 4, line: 1 } }],
    fingerprint: fingerprintOf(file, 'rounded-to-full', values),
  };
}

function documentWith(file: string, findings: Finding[]): DocumentResult {
  return { file, status: 'ok', metadata: { unitName: 'Giếng Đáy' }, figures: [], findings };
}

function review(decisions: Review['decisions']): Review {
  return { tool: 'solieu', version: 1, decisions };
}

describe('review.json', () => {
  it('is exported by the package with its schema', () => {
    expect(solieu.ReviewSchema).toBe(ReviewSchema);
  });

  it('reads a file exported by the page, with or without a BOM, filling an absent note with ""', () => {
    const text = JSON.stringify({
      tool: 'solieu',
      version: 1,
      exportedAt: '2025-05-02T03:04:05.000Z',
      decisions: [{ fingerprint: 'abc', decision: 'dismissed', file: 'a.pdf', rule: 'ratio-mismatch', decidedAt: '2025-05-02T03:00:00.000Z' }],
    });
    for (const withBom of [text, `\uFEFF${text}`]) {
      const parsed = parseReview(withBom, 'review.json');
      expect(parsed.decisions).toEqual([
        { fingerprint: 'abc', decision: 'dismissed', note: '', file: 'a.pdf', rule: 'ratio-mismatch', decidedAt: '2025-05-02T03:00:00.000Z' },
      ]);
    }
  });

  it('refuses what is not JSON, in Vietnamese', () => {
    expect(() => parseReview('{ "tool": ', 'r.json')).toThrow(BaselineError);
    expect(() => parseReview('{ "tool": ', 'r.json')).toThrow(/tệp đánh giá "r.json" không phải JSON hợp lệ/);
  });

  it('refuses a wrong shape and says where, in Vietnamese', () => {
    const wrongDecision = JSON.stringify({ tool: 'solieu', version: 1, decisions: [{ fingerprint: 'abc', decision: 'ignored' }] });
    expect(() => parseReview(wrongDecision, 'r.json')).toThrow(/decisions\[0\]\.decision: Tùy chọn không hợp lệ/);
    const otherTool = JSON.stringify({ tool: 'eslint', version: 1, decisions: [] });
    expect(() => parseReview(otherTool, 'r.json')).toThrow(/không đúng định dạng review\.json của solieu.*tool/);
    const newerVersion = JSON.stringify({ tool: 'solieu', version: 2, decisions: [] });
    expect(() => parseReview(newerVersion, 'r.json')).toThrow(/version/);
    expect(() => parseReview('[]', 'r.json')).toThrow(/\(gốc\)/);
  });

  it('says which file could not be read', async () => {
    await expect(readReview('/no/such/review.json')).rejects.toThrow(/không đọc được tệp đánh giá "\/no\/such\/review.json" \(ENOENT\)/);
  });
});

describe('applyReview', () => {
  const file = 'huyện A/Báo cáo Giếng Đáy.pdf';
  const ratio = seedRatioFinding(file);
  const rounded = roundedFinding(file);
  const other = documentWith('khác.pdf', [seedRatioFinding('khác.pdf')]);

  it('moves a dismissed finding to suppressedFindings with its note, keeps confirmed ones and ignores unknown fingerprints', () => {
    const [reviewed, untouched] = applyReview(
      [documentWith(file, [ratio, rounded]), other],
      review([
        { fingerprint: ratio.fingerprint, decision: 'dismissed', note: 'Đã đối chiếu bản giấy: 99%', decidedAt: '2025-05-02T03:00:00.000Z' },
        { fingerprint: rounded.fingerprint, decision: 'confirmed', note: '' },
        { fingerprint: 'not-in-this-batch', decision: 'dismissed', note: '' },
      ]),
    );
    expect(reviewed!.findings).toEqual([rounded]);
    expect(reviewed!.suppressedFindings).toEqual([
      { ...ratio, review: { decision: 'dismissed', note: 'Đã đối chiếu bản giấy: 99%', decidedAt: '2025-05-02T03:00:00.000Z' } },
    ]);
    // Same rule and numbers in another file: another fingerprint, not dismissed.
    expect(untouched).toBe(other);
  });

  it('takes the later of two decisions on one fingerprint', () => {
    const [reviewed] = applyReview(
      [documentWith(file, [ratio])],
      review([
        { fingerprint: ratio.fingerprint, decision: 'dismissed', note: 'nhầm' },
        { fingerprint: ratio.fingerprint, decision: 'confirmed', note: 'sai thật' },
      ]),
    );
    expect(reviewed!.findings).toEqual([ratio]);
    expect(reviewed!.suppressedFindings).toBeUndefined();
  });

  it('leaves the finding out of findings.csv and counts it in the column after the core metrics of reports.csv', () => {
    const [reviewed] = applyReview([documentWith(file, [ratio, rounded])], review([{ fingerprint: ratio.fingerprint, decision: 'dismissed', note: '' }]));
    const findings = readCsvRecords(findingsCsv([reviewed!]).slice(1));
    expect(findings.map((row) => row.fingerprint)).toEqual([rounded.fingerprint]);
    const [header, row] = readCsv(reportsCsv([reviewed!]).slice(1));
    // `suppressed` was appended after the core metrics; the identity columns were appended after it.
    const column = REPORT_COLUMNS.indexOf('suppressed');
    expect(header![column]).toBe('suppressed');
    expect(REPORT_COLUMNS[column - 1]).toBe(CORE_METRICS.at(-1));
    expect(row![column]).toBe('1');
    expect(row![header!.indexOf('errors')]).toBe('0');
    expect(row![header!.indexOf('infos')]).toBe('1');
    expect(readCsv(reportsCsv([documentWith(file, [ratio])]).slice(1))[1]![column]).toBe('0');
  });
});

interface CliRun {
  code: number | null;
  stderr: string;
}

function runCli(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stderr }));
  });
}

/**
 * A short report with the seed case of 004 (a stated 91% that 6.702/6.715 cannot give: `ratio-mismatch`, an
 * error) and "ƣ" (U+01A3) typed for "ư", as some PDF exporters do (`ingest.encoding-repaired`, info).
 */
const REPORT_TEXT = [
  'ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM',
  'BÁO CÁO',
  'Kết quả thực hiện Đề án 06 năm 2024',
  '1. Tổng số hộ trên địa bàn: 1.234 hộ.',
  '2. Tuyên truyền cho ngƣời dân: 12 buổi.',
  '3. Số hóa hồ sơ: 6.702/6.715 hồ sơ = 91%.',
  '',
].join('\n');

describe('solieu run --baseline', () => {
  let work: string;
  let input: string;
  const out = () => join(work, 'out');
  const readOut = (name: string) => readFile(join(out(), name), 'utf8').then((text) => text.replace(/^\uFEFF/, ''));

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'solieu-baseline-'));
    input = join(work, 'in');
    await mkdir(input);
    await writeFile(join(input, 'xã thử.txt'), REPORT_TEXT);
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('stops with exit status 2 and a Vietnamese message when the baseline is missing or invalid, writing nothing', async () => {
    const missing = await runCli(['run', input, '--out', out(), '--baseline', join(work, 'không có.json')], work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('không đọc được tệp đánh giá');
    await writeFile(join(work, 'sai.json'), JSON.stringify({ tool: 'solieu', version: 1, decisions: [{ decision: 'dismissed' }] }));
    const invalid = await runCli(['run', input, '--out', out(), '--baseline', join(work, 'sai.json')], work);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/không đúng định dạng review\.json của solieu.*decisions\[0\]\.fingerprint/);
    await expect(readFile(join(out(), 'findings.csv'))).rejects.toThrow(/ENOENT/);
  });

  it('keeps a dismissed finding out across a re-run and an unrelated edit, and out of --fail-on', async () => {
    const first = await runCli(['run', input, '--out', out(), '--fail-on', 'error'], work);
    expect(first.code, first.stderr).toBe(1);
    const before = readCsvRecords(await readOut('findings.csv'));
    const ratio = before.find((row) => row.rule === 'ratio-mismatch');
    const repaired = before.find((row) => row.rule === 'ingest.encoding-repaired');
    expect(ratio?.values, 'the seed case is reported').toBe('6702;6715;91');
    expect(repaired?.values, 'the ƣ repair is reported').toBe('1');
    expect(before.filter((row) => row.severity === 'error').map((row) => row.rule)).toEqual(['ratio-mismatch']);

    const reviewFile = join(work, 'review.json');
    await writeFile(
      reviewFile,
      JSON.stringify({
        tool: 'solieu',
        version: 1,
        decisions: [
          { fingerprint: ratio!.fingerprint, decision: 'dismissed', note: 'Bản giấy ghi 99%, lỗi đánh máy', file: 'xã thử.txt', rule: 'ratio-mismatch' },
          { fingerprint: repaired!.fingerprint, decision: 'confirmed', note: '' },
        ],
      }),
    );

    // An unrelated edit: a new paragraph at the top moves every line, a figure elsewhere changes.
    await writeFile(join(input, 'xã thử.txt'), `Kính gửi: UBND huyện\n${REPORT_TEXT.replace('1.234 hộ', '1.240 hộ')}`);
    const second = await runCli(['run', input, '--out', out(), '--fail-on', 'error', '--baseline', reviewFile], work);
    expect(second.code, second.stderr).toBe(0);

    const findings = readCsvRecords(await readOut('findings.csv'));
    expect(findings.map((row) => row.fingerprint)).not.toContain(ratio!.fingerprint);
    expect(findings.map((row) => row.fingerprint)).toContain(repaired!.fingerprint);
    const reports = readCsvRecords(await readOut('reports.csv'));
    expect(reports.map((row) => [row.file, row.errors, row.suppressed])).toEqual([['xã thử.txt', '0', '1']]);

    const results = ResultsSchema.parse(JSON.parse(await readOut('results.json')));
    const suppressed = results.documents[0]!.suppressedFindings;
    expect(suppressed?.map((finding) => [finding.rule, finding.fingerprint, finding.review.note])).toEqual([
      ['ratio-mismatch', ratio!.fingerprint, 'Bản giấy ghi 99%, lỗi đánh máy'],
    ]);
    // Moved one line down by the edit: the same finding, found at its new place.
    expect(suppressed![0]!.evidence[0]!.location.line).toBe(Number(ratio!.line) + 1);
  });
});
