import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../src/pipeline/index.ts';
import { REPORT_COLUMNS, reportRow } from '../src/report/csv.ts';

/**
 * A report from which (almost) no figures were read says so (`ingest.few-figures`, a warning) with what to try,
 * instead of passing as `ok` with nothing in it; documents that may rightly state no figures stay quiet.
 */
const encode = (text: string) => new TextEncoder().encode(text);
const ROOT = join(import.meta.dirname, '..');

async function fewFigures(bytes: Uint8Array, file: string) {
  const { result } = await processBytes(bytes, file);
  return { result, finding: result.findings.find((finding) => finding.rule === 'ingest.few-figures') };
}

describe('ingest.few-figures', () => {
  it('a scan OCR reads as gibberish is flagged, and reports.csv counts the warning', async () => {
    const { result, finding } = await fewFigures(readFileSync(join(ROOT, 'test/data/tables/report-scan-blurred.pdf')), 'scan.pdf');
    expect(result.status).toBe('ok');
    expect(finding).toMatchObject({ severity: 'warning', fatal: false });
    expect(finding!.message).toMatch(/quét lại rõ hơn \(300 dpi/u);
    const warnings = reportRow(result)[REPORT_COLUMNS.indexOf('warnings')];
    expect(Number(warnings)).toBeGreaterThanOrEqual(1);
  });

  it('a long report with no figure at all is flagged', async () => {
    const text = ['BÁO CÁO', 'Kết quả thực hiện Đề án 06 năm 2025', ...Array.from({ length: 30 }, () => 'Ủy ban nhân dân xã tiếp tục chỉ đạo các ngành phối hợp triển khai thực hiện các nhiệm vụ của Đề án.')].join('\n');
    const { finding } = await fewFigures(encode(text), 'report.txt');
    expect(finding?.message).toMatch(/không đọc được số liệu nào/u);
    expect(finding?.values[0]).toBe(0);
  });

  it('a report whose numbers are mostly not read as figures is flagged', async () => {
    const rows = Array.from({ length: 12 }, (_, k) => `Chỉ tiêu ${k + 1}: ${100 + k} và ${200 + k} đơn vị`);
    const { result, finding } = await fewFigures(encode(['BÁO CÁO', 'Kết quả năm 2025', ...rows, 'Tổng số hồ sơ tiếp nhận: 120 hồ sơ.'].join('\n')), 'report.txt');
    expect(result.figures.length).toBe(1);
    expect(finding?.message).toMatch(/chỉ đọc được 1 số liệu \(văn bản có \d+ con số\)/u);
  });

  it('text that is not Vietnamese as written (a broken text layer) is flagged with what to try', async () => {
    const gibberish = Array.from({ length: 80 }, (_, k) => ['xqzt', 'brrk', 'ghhwp', 'tzz', 'kvnq'][k % 5]).join(' ');
    const { finding } = await fewFigures(encode(`BÁO CÁO\nKết quả thực hiện Đề án 06\n${gibberish}\nTổng số hồ sơ tiếp nhận: 120 hồ sơ.`), 'report.txt');
    expect(finding?.message).toMatch(/không phải tiếng Việt \(chỉ \d+% là âm tiết/u);
  });

  it('stays quiet on the seeds (seed 000 states only four figures, seed 002 is a plan with almost none)', async () => {
    for (const seed of ['seed-000.txt', 'seed-002.txt', 'seed-003.pdf', 'seed-004.docx']) {
      const { finding } = await fewFigures(new Uint8Array(readFileSync(join(ROOT, 'fixtures/reports', seed))), seed);
      expect(finding, seed).toBeUndefined();
    }
  });

  it('stays quiet on a plan or an other document without figures', async () => {
    const text = ['KẾ HOẠCH', 'Triển khai Đề án 06 năm 2026', ...Array.from({ length: 30 }, () => 'Các ngành phối hợp triển khai thực hiện các nhiệm vụ của Đề án theo đúng tiến độ.')].join('\n');
    expect((await fewFigures(encode(text), 'plan.txt')).finding).toBeUndefined();
  });
});
