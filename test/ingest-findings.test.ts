import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../src/pipeline/index.ts';

/**
 * What an auditor sees for each kind of bad or unusual input in the bundled fixtures: a status, one finding
 * with the right id, and a Vietnamese sentence that says what is wrong and what to do — never a stack trace.
 */
const REPORTS = join(import.meta.dirname, '../fixtures/reports');

async function run(fixture: string) {
  return (await processBytes(readFileSync(join(REPORTS, fixture)), fixture)).result;
}

describe('bad inputs become a status and a finding that says what to do', () => {
  it.each([
    ['bad/encrypted.pdf', 'failed', 'ingest.failed', /mật khẩu/u],
    ['bad/corrupt.pdf', 'failed', 'ingest.failed', /hỏng|không đọc được/u],
    ['bad/truncated.pdf', 'failed', 'ingest.failed', /hỏng|không đầy đủ|bị cắt|không đọc được/u],
    ['bad/empty.pdf', 'failed', 'ingest.empty', /rỗng/u],
    ['bad/empty-text.docx', 'failed', 'ingest.empty', /không có (nội dung|chữ)/u],
    ['bad/not-a-docx.docx', 'failed', 'ingest.failed', /không phải/u],
  ])('%s → %s / %s', async (fixture, status, rule, message) => {
    const result = await run(fixture);
    expect(result.status).toBe(status);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding!.rule).toBe(rule);
    expect(finding!.fatal).toBe(true);
    expect(finding!.message).toMatch(message);
    expect(finding!.message).not.toMatch(/\bat \w+ \(|Error:|node_modules/u);
    expect(result.figures).toEqual([]);
  });

  it('a DOCX renamed .pdf is read as what it is, and the lie is reported as info', async () => {
    const result = await run('bad/really-a-docx.pdf');
    expect(result.status).toBe('ok');
    expect(result.source?.format).toBe('docx');
    expect(result.findings.map((finding) => [finding.rule, finding.severity])).toContainEqual(['ingest.format-mismatch', 'info']);
    expect(result.figures.length).toBeGreaterThan(0);
  });
});

describe('a scan without a text layer', () => {
  const scan = 'scan/seed-003-scan.pdf';

  it('is read by OCR by default: status ok, figures marked OCR, and an info finding naming the pages', async () => {
    const result = await run(scan);
    expect(result.status).toBe('ok');
    expect(result.figures.length).toBeGreaterThan(40);
    expect(result.figures.every((figure) => figure.ocr === true)).toBe(true);
    const read = result.findings.filter((finding) => finding.rule === 'ingest.ocr');
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({ severity: 'info', fatal: false, values: [1, 2, 3, 4, 5] });
    expect(read[0]!.message).toMatch(/OCR/u);
    expect(result.findings.some((finding) => finding.rule === 'ingest.needs-ocr')).toBe(false);
  });

  it('with OCR off (--ocr off) is needs-ocr, with one fatal finding that says what to do', async () => {
    const result = (await processBytes(readFileSync(join(REPORTS, scan)), scan, { ocr: { mode: 'off' } })).result;
    expect(result.status).toBe('needs-ocr');
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding!.rule).toBe('ingest.needs-ocr');
    expect(finding!.fatal).toBe(true);
    expect(finding!.message).toMatch(/OCR|nhận dạng/u);
    expect(finding!.message).not.toMatch(/\bat \w+ \(|Error:|node_modules/u);
    expect(result.figures).toEqual([]);
  });
});

describe('repaired encodings are reported', () => {
  it.each([
    ['legacy/seed-003-tcvn3.docx', 'bảng mã TCVN3', 'phông chữ'],
    ['legacy/seed-003-tcvn3.pdf', 'bảng mã TCVN3', 'phông chữ'],
    ['legacy/seed-001-vni.docx', 'bảng mã VNI', 'phông chữ'],
    ['legacy/seed-001-vni.pdf', 'bảng mã VNI', 'phông chữ'],
    ['seed-002.pdf', 'ƣ/Ƣ', 'luôn sửa'],
  ])('%s: an info finding names the repair (%s) and how it was detected', async (fixture, repair, detectedBy) => {
    const result = await run(fixture);
    expect(result.status).toBe('ok');
    const repaired = result.findings.filter((finding) => finding.rule === 'ingest.encoding-repaired');
    expect(repaired.length).toBeGreaterThan(0);
    expect(repaired.every((finding) => finding.severity === 'info' && !finding.fatal)).toBe(true);
    const message = repaired.map((finding) => finding.message).join('\n');
    expect(message).toContain(repair);
    expect(message).toContain(detectedBy);
  });

  it('clean Unicode files report no repair', async () => {
    for (const fixture of ['seed-001.docx', 'seed-003.pdf', 'seed-004.txt']) {
      const result = await run(fixture);
      expect(result.findings.filter((finding) => finding.rule === 'ingest.encoding-repaired')).toEqual([]);
    }
  });
});
