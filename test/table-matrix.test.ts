import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { processBytes } from '../src/pipeline/index.ts';
import type { DocumentResult, Figure } from '../src/model/index.ts';

/**
 * The same four tables in every kind of file (test/data/tables/make.ts writes them): DOCX from the `docx`
 * library and from LibreOffice, the tables typed as tab-separated DOCX paragraphs, PDF exported by LibreOffice
 * and drawn by pdfkit (ruled and borderless tables, and pipe rows of text), TXT as pipes and as aligned
 * columns, and a 200 dpi scan read by OCR. Every file must give the same figures, the same totals linked to
 * the same parts, and the same two findings: table 1's online column does not add up to its "Tổng cộng"
 * (40 + 118 = 158, stated 150) and table 3's rate column gives 98,6% for 2.290/2.300 (99,57%).
 *
 * The expected figures are read off the tables by hand, not from any output.
 */
const DATA = join(import.meta.dirname, 'data/tables');

const FILES: ReadonlyArray<readonly [string, string]> = [
  ['report.txt', 'TXT, pipe rows'],
  ['report-aligned.txt', 'TXT, columns aligned with spaces'],
  ['report-docxlib.docx', 'DOCX by the docx library'],
  ['report-lo.docx', 'DOCX by LibreOffice'],
  ['report-tabs.docx', 'DOCX, tables typed with tabs'],
  ['report-lo.pdf', 'PDF by LibreOffice'],
  ['report-pdfkit.pdf', 'PDF by pdfkit, ruled and borderless'],
  ['report-pdfkit-pipes.pdf', 'PDF by pdfkit, pipe rows of text'],
  ['report-scan.pdf', 'scan at 200 dpi, read by OCR'],
];

/** metric value[/denominator][=percent%][ procedure] */
const EXPECTED_FIGURES = [
  // Bảng 1: STT | Thủ tục | Tiếp nhận | Trực tuyến | Đúng hạn; a "-" and an empty online cell.
  'dossiers.received 46 thuong-tru', 'dossiers.online 40 thuong-tru', 'dossiers.on_time 46 thuong-tru',
  'dossiers.received 120 tam-tru', 'dossiers.online 118 tam-tru', 'dossiers.on_time 119 tam-tru',
  'dossiers.received 12 tam-vang', 'dossiers.on_time 12 tam-vang',
  'dossiers.received 25 luu-tru', 'dossiers.on_time 25 luu-tru',
  'dossiers.received 203', 'dossiers.online 150', 'dossiers.on_time 202',
  // Bảng 2: Quý | Hồ sơ tiếp nhận (Tổng số, Trực tuyến, Trực tiếp) | Kết quả giải quyết (Đúng hạn, Trễ hạn).
  'dossiers.received 1702', 'dossiers.online 1561', 'dossiers.direct 141', 'dossiers.on_time 1690', 'dossiers.late 5',
  'dossiers.received 1893', 'dossiers.online 1748', 'dossiers.direct 145', 'dossiers.on_time 1884', 'dossiers.late 4',
  'dossiers.received 3595', 'dossiers.online 3309', 'dossiers.direct 286', 'dossiers.on_time 3574', 'dossiers.late 9',
  // Bảng 3 (Đơn vị tính: hồ sơ): Mức độ | Tổng số | Đúng hạn | Trễ hạn | Tỷ lệ đúng hạn (%).
  'dossiers.received 5120', 'dossiers.on_time 4875/5120=95.2%', 'dossiers.late 245',
  'dossiers.received 2300', 'dossiers.on_time 2290/2300=98.6%', 'dossiers.late 10',
  'dossiers.received 7420', 'dossiers.on_time 7165/7420=96.6%', 'dossiers.late 255',
  // Bảng 4: Lĩnh vực | Số hóa hồ sơ | Số hóa kết quả, two numbers a cell.
  'digitized.dossiers 402/410', 'digitized.results 398/410',
  'digitized.dossiers 811/811 chung-thuc', 'digitized.results 805/811 chung-thuc',
  'digitized.dossiers 318/320', 'digitized.results 318/320',
];

/** total ⊃ parts (how): every column with a total row, and the total column of each table's total row. */
const EXPECTED_LINKS = [
  'dossiers.received 203 ⊃ 12 + 120 + 25 + 46 (column)',
  'dossiers.online 150 ⊃ 118 + 40 (column)',
  'dossiers.on_time 202 ⊃ 119 + 12 + 25 + 46 (column)',
  'dossiers.received 3595 ⊃ 1702 + 1893 (column)',
  'dossiers.received 3595 ⊃ 286 + 3309 (row)',
  'dossiers.online 3309 ⊃ 1561 + 1748 (column)',
  'dossiers.direct 286 ⊃ 141 + 145 (column)',
  'dossiers.on_time 3574 ⊃ 1690 + 1884 (column)',
  'dossiers.late 9 ⊃ 4 + 5 (column)',
  'dossiers.received 7420 ⊃ 2300 + 5120 (column)',
  'dossiers.received 7420 ⊃ 255 + 7165 (row)',
  'dossiers.on_time 7165 ⊃ 2290 + 4875 (column)',
  'dossiers.late 255 ⊃ 10 + 245 (column)',
].sort();

function figureKey(figure: Figure): string {
  return `${figure.metric} ${figure.value}${figure.denominator !== undefined ? `/${figure.denominator}` : ''}${figure.percent !== undefined ? `=${figure.percent}%` : ''}${figure.procedure ? ` ${figure.procedure}` : ''}`;
}

function links(figures: readonly Figure[]): string[] {
  const byId = new Map(figures.map((figure) => [figure.id, figure]));
  const groups = new Map<string, number[]>();
  for (const figure of figures) {
    if (!figure.parentId) continue;
    const parent = byId.get(figure.parentId)!;
    expect(figure.partKind).toBe('table');
    const key = `${parent.metric} ${parent.value} ⊃ (${figure.tablePart})`;
    groups.set(key, [...(groups.get(key) ?? []), figure.value]);
  }
  return [...groups].map(([key, values]) => key.replace('⊃ ', `⊃ ${values.map(String).sort().join(' + ')} `)).sort();
}

describe.each(FILES)('table matrix: %s (%s)', (file) => {
  let result: DocumentResult;
  let tables: number;
  beforeAll(async () => {
    const processed = await processBytes(readFileSync(join(DATA, file)), file);
    result = processed.result;
    tables = processed.document?.blocks.filter((block) => block.kind === 'table').length ?? 0;
  });

  it('reads the four tables as tables', () => {
    expect(result.status).toBe('ok');
    expect(tables).toBe(4);
  });

  it('gives every numeric cell its row label and column header, and nothing else', () => {
    expect(result.figures.map(figureKey).sort()).toEqual([...EXPECTED_FIGURES].sort());
  });

  it('links every total row to its column and the total column of the total row to its row', () => {
    expect(links(result.figures)).toEqual(EXPECTED_LINKS);
  });

  it('flags the column that does not add up and the rate its row does not give, and nothing else', () => {
    const findings = result.findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.rule} ${finding.values.join(';')}`);
    expect(findings.sort()).toEqual(['ratio-mismatch 2290;2300;98.6', 'sum-mismatch 150;40;118']);
  });
});
