import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { parseDocument } from 'htmlparser2';
import type { Element, ChildNode } from 'domhandler';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentResult } from '../src/model/index.ts';
import { processBytes } from '../src/pipeline/index.ts';
import { figuresCsv, findingsCsv, FIGURE_COLUMNS, reportsCsv } from '../src/report/csv.ts';
import { readCsv } from './support/read-csv.ts';

/**
 * Proves that LibreOffice Calc opens the CSV files with the Vietnamese intact and never turns a cell
 * into a formula — the two ways a CSV of Vietnamese report lines ("- Đăng ký thường trú: …",
 * "+ Tiếp nhận …") goes wrong in a spreadsheet. Each CSV is converted to .ods by a real `soffice`
 * and the cells are read back from the .ods's content.xml.
 *
 * About the import options: a headless conversion has no Text Import dialog, and without one LO 7.4
 * never looks at the BOM — it reads every CSV as Windows-1252 ("ï»¿file", "ÄÄƒng kÃ½"), whatever the
 * file says. On screen, the dialog sniffs the BOM and preselects UTF-8 (as Excel does). The only
 * option given here is therefore the character set "unknown — decide from the file" (token 0,
 * RTL_TEXTENCODING_DONTKNOW), which hands the decision to the BOM: the first header cell reading
 * exactly "file" (not "\uFEFFfile") shows the BOM was taken as a BOM. Separator and quote are the
 * defaults, and formulas are evaluated as in the dialog of that version: the unguarded control file
 * below does come out with formulas, so their absence elsewhere is the guard's doing.
 */

const CSV_IMPORT = 'Text - txt - csv (StarCalc):44,34,0';

const sofficeAvailable = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
if (!sofficeAvailable && !process.env.CI) {
  console.warn(
    '\n*** test/csv-spreadsheet.test.ts SKIPPED: `soffice` (LibreOffice) is not installed. ***\n' +
      '*** The CSV files were NOT checked in a real spreadsheet. On CI this is a failure.   ***\n',
  );
}

const root = resolve(import.meta.dirname, '..');
const execFileAsync = promisify(execFile);

/** Cells planted where report text lands: each begins with a character a spreadsheet would run. */
const PLANTED = {
  formula: '=1+1',
  phone: '+84 912 345 678',
  negative: '-2',
  at: '@SUM(A1:A2)',
  tab: '\t=2+3',
  listLine: '- Đăng ký thường trú: Tiếp nhận: 31 hồ sơ',
  hyperlink: '=HYPERLINK("http://example.invalid","Xã Tân Phú")',
} as const;

interface SheetCell {
  valueType: string | undefined;
  value: string | undefined;
  formula: string | undefined;
  text: string;
}

describe.skipIf(!sofficeAvailable && !process.env.CI)('CSV files opened in LibreOffice Calc', () => {
  let workFolder: string;
  let documents: DocumentResult[];
  const csvText = new Map<string, string>();
  const sheets = new Map<string, SheetCell[][]>();

  beforeAll(async () => {
    if (!sofficeAvailable) throw new Error('soffice (LibreOffice Calc) is required on CI: .ci/run installs libreoffice-calc-nogui');
    workFolder = await mkdtemp(join(tmpdir(), 'solieu-calc-'));
    documents = await realDocumentsWithPlantedCells();
    csvText.set('figures', figuresCsv(documents));
    csvText.set('findings', findingsCsv(documents));
    csvText.set('reports', reportsCsv(documents));
    csvText.set('control', unguardedControlCsv());
    for (const [name, text] of csvText) await writeFile(join(workFolder, `${name}.csv`), text);

    await execFileAsync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(workFolder, 'profile')).href}`,
        '--headless',
        `--infilter=${CSV_IMPORT}`,
        '--convert-to',
        'ods',
        '--outdir',
        join(workFolder, 'ods'),
        ...[...csvText.keys()].map((name) => join(workFolder, `${name}.csv`)),
      ],
      { timeout: 100_000 },
    );
    for (const name of csvText.keys()) sheets.set(name, await readOdsSheet(join(workFolder, 'ods', `${name}.ods`)));
  });

  afterAll(async () => {
    if (workFolder) await rm(workFolder, { recursive: true, force: true });
  });

  it('the unguarded control file does get formulas: this import evaluates them', () => {
    const control = sheets.get('control')!;
    expect(control.flat().some((cell) => cell.formula !== undefined)).toBe(true);
  });

  it.each(['figures', 'findings', 'reports'])('%s.csv: the BOM is taken as a BOM and every row and column arrives', (name) => {
    const sheet = sheets.get(name)!;
    const rows = readCsv(stripBom(csvText.get(name)!));
    expect(sheet[0]?.[0]?.text).toBe('file');
    expect(sheet.length).toBe(rows.length);
    for (const [index, row] of rows.entries()) expect(trimEmptyTail(sheet[index]!).length).toBeLessThanOrEqual(row.length);
  });

  it.each(['figures', 'findings', 'reports'])('%s.csv: no cell is a formula', (name) => {
    const formulas = sheets.get(name)!.flat().filter((cell) => cell.formula !== undefined);
    expect(formulas).toEqual([]);
  });

  it.each(['figures', 'findings', 'reports'])('%s.csv: every text cell reads exactly as written, Vietnamese intact', (name) => {
    const rows = readCsv(stripBom(csvText.get(name)!));
    const sheet = sheets.get(name)!;
    let textCells = 0;
    for (const [rowIndex, row] of rows.entries()) {
      for (const [column, field] of row.entries()) {
        const cell = sheet[rowIndex]?.[column];
        if (field === '') continue;
        if (/^-?\d+(\.\d+)?$/.test(field)) {
          expect(cell?.valueType, `${name} row ${rowIndex + 1} "${field}"`).toBe('float');
          expect(Number(cell?.value)).toBe(Number(field));
        } else if (/\p{L}/u.test(field)) {
          textCells++;
          expect(cell?.valueType, `${name} row ${rowIndex + 1} "${field}"`).toBe('string');
          // A line break inside a cell becomes a new paragraph: CRLF and LF read the same in a cell.
          expect(cell?.text).toBe(field.replace(/\r\n?/g, '\n'));
        }
      }
    }
    expect(textCells).toBeGreaterThan(0);
    // UTF-8 read as Windows-1252 turns "Đ", "ư", "ế" into "Ä", "Æ°", "áº¿"; none of these is Vietnamese.
    const allText = sheet.flat().map((cell) => cell.text).join('\n');
    expect(allText).not.toMatch(/Ã|Ä|Æ|áº|á»|\uFFFD/u);
  });

  it('real Vietnamese report text from the pipeline comes through, with ư (not ƣ)', () => {
    const findingTexts = sheets.get('findings')!.flat().map((cell) => cell.text);
    const repaired = documents.flatMap((document) => document.findings).find((finding) => finding.rule === 'ingest.encoding-repaired');
    expect(repaired, 'the ƣ-damaged sample must yield an encoding-repaired finding').toBeDefined();
    expect(findingTexts).toContain(repaired!.message);
    const repairedQuote = repaired!.evidence[0]!.quote;
    expect(repairedQuote).toMatch(/ư/u);
    expect(repairedQuote).not.toMatch(/ƣ/u);
    expect(findingTexts).toContain(repairedQuote);
    expect(findingTexts).toContain('Tiếp nhận: 31 hồ sơ … Đăng ký thường trú');
    const figureTexts = sheets.get('figures')!.flat().map((cell) => cell.text);
    expect(figureTexts).toContain(`'${PLANTED.listLine}`);
    expect(figureTexts.some((text) => text.includes('Đăng ký thường trú'))).toBe(true);
  });

  it('cells planted with = + - @ and tab show as text, never as a value or formula', () => {
    const cells = [...sheets.get('figures')!, ...sheets.get('findings')!, ...sheets.get('reports')!].flat();
    for (const planted of Object.values(PLANTED)) {
      const cell = cells.find((candidate) => candidate.text === `'${planted}`);
      expect(cell, `planted ${JSON.stringify(planted)}`).toBeDefined();
      expect(cell!.valueType).toBe('string');
      expect(cell!.formula).toBeUndefined();
    }
  });
});

/**
 * Real pipeline results (a text file damaged with "ƣ" as PDF extraction leaves it, and a real PDF),
 * plus cells planted where report text ends up: a figure's raw text and evidence, a finding's message
 * and quotes, the report's metadata.
 */
async function realDocumentsWithPlantedCells(): Promise<DocumentResult[]> {
  const damagedText = [
    'BÁO CÁO',
    'Kết quả thực hiện Đề án 06 về ứng dụng dữ liệu dân cƣ, định danh và xác thực điện tử',
    '- Đăng ký thƣờng trú: Tiếp nhận: 31 hồ sơ',
    '+ Thu nhận hồ sơ cấp Căn cƣớc: 1.250 hồ sơ, đạt 92%',
    '- Số hóa hồ sơ: 6.065/6588 hồ sơ = 92%',
  ].join('\n');
  const fromText = (await processBytes(new TextEncoder().encode(damagedText), 'Báo cáo tháng 5.txt')).result;
  const pdfBytes = new Uint8Array(await readFile(join(root, 'fixtures/reports/seed-003.pdf')));
  const fromPdf = (await processBytes(pdfBytes, 'xã/seed-003.pdf')).result;

  const location = { line: 3 };
  const planted: DocumentResult = {
    ...fromText,
    metadata: { ...fromText.metadata, unitName: PLANTED.hyperlink, province: 'Tỉnh Đắk Lắk', docType: 'report' },
    figures: [
      ...fromText.figures,
      plantedFigure('f-planted-1', PLANTED.formula, PLANTED.listLine, location),
      plantedFigure('f-planted-2', PLANTED.listLine, 'Tiếp nhận, "trả" kết quả\r\ndòng hai', location),
    ],
    findings: [
      ...fromText.findings,
      {
        rule: 'ratio-mismatch',
        severity: 'error',
        fatal: false,
        message: PLANTED.phone,
        values: [6702, 6715, 91],
        evidence: [{ quote: PLANTED.at, location }],
        fingerprint: PLANTED.negative,
      },
      {
        rule: 'conflicting-values',
        severity: 'warning',
        fatal: false,
        message: PLANTED.tab,
        values: [-2],
        evidence: [
          { quote: 'Tiếp nhận: 31 hồ sơ', location },
          { quote: 'Đăng ký thường trú', location },
        ],
        fingerprint: 'abc',
      },
    ],
  };
  return [planted, fromPdf];
}

function plantedFigure(id: string, raw: string, evidence: string, location: { line: number }): DocumentResult['figures'][number] {
  return {
    id,
    metric: 'dossiers.received',
    value: 31,
    unit: 'dossiers',
    procedure: 'thuong-tru',
    year: 2023,
    raw,
    evidence,
    location,
    rule: 'planted-by-test',
  };
}

/** The same kind of file without the guard: shows that this import would run what the guard defuses. */
function unguardedControlCsv(): string {
  return stringify(
    [
      [...FIGURE_COLUMNS.slice(0, 2), 'raw'],
      ['a.txt', 'dossiers.received', '=1+1'],
      ['b.txt', 'dossiers.received', '=SUM(1;2)'],
    ],
    { bom: true, record_delimiter: 'windows' },
  );
}

function stripBom(text: string): string {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1);
}

function trimEmptyTail(row: SheetCell[]): SheetCell[] {
  let end = row.length;
  while (end > 0 && row[end - 1]!.text === '' && row[end - 1]!.valueType === undefined) end--;
  return row.slice(0, end);
}

/** The first sheet of an .ods as rows of cells, with repeated rows/cells expanded. */
async function readOdsSheet(path: string): Promise<SheetCell[][]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const contentXml = await zip.file('content.xml')!.async('string');
  const document = parseDocument(contentXml, { xmlMode: true });
  const table = findFirst(document.children, 'table:table');
  if (!table) throw new Error(`${path}: no table`);
  const rows: SheetCell[][] = [];
  for (const rowElement of descendants(table, 'table:table-row')) {
    const cells: SheetCell[] = [];
    for (const cellElement of rowElement.children.filter(isElement)) {
      if (cellElement.name !== 'table:table-cell' && cellElement.name !== 'table:covered-table-cell') continue;
      const cell: SheetCell = {
        valueType: cellElement.attribs['office:value-type'],
        value: cellElement.attribs['office:value'],
        formula: cellElement.attribs['table:formula'],
        text: cellElement.children.filter(isElement).filter((child) => child.name === 'text:p').map(paragraphText).join('\n'),
      };
      const repeat = Number(cellElement.attribs['table:number-columns-repeated'] ?? 1);
      for (let index = 0; index < Math.min(repeat, 1000); index++) cells.push(cell);
    }
    const repeat = Number(rowElement.attribs['table:number-rows-repeated'] ?? 1);
    // A huge repeat is LibreOffice padding the sheet with empty rows, not data.
    if (repeat > 1000 && cells.every((cell) => cell.text === '')) continue;
    for (let index = 0; index < repeat; index++) rows.push(cells);
  }
  return rows;
}

function paragraphText(node: ChildNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isElement(node)) return '';
  if (node.name === 'text:s') return ' '.repeat(Number(node.attribs['text:c'] ?? 1));
  if (node.name === 'text:tab') return '\t';
  if (node.name === 'text:line-break') return '\n';
  return node.children.map(paragraphText).join('');
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag';
}

function findFirst(nodes: ChildNode[], name: string): Element | undefined {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === name) return node;
    const found = findFirst(node.children, name);
    if (found) return found;
  }
  return undefined;
}

function descendants(element: Element, name: string): Element[] {
  const found: Element[] = [];
  for (const child of element.children) {
    if (!isElement(child)) continue;
    if (child.name === name) found.push(child);
    else found.push(...descendants(child, name));
  }
  return found;
}
