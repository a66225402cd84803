import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { SEED_IDS, seedText } from './support/seeds.ts';

/**
 * The sample reports made by scripts/make-fixtures.ts are what they claim to be. These tests read the
 * committed files only (no LibreOffice). Expected strings come from the seeds and from the published
 * encoding tables: TCVN3 "á" is byte 0xB8 ("¸"), "â" 0xA9 ("©"), "ư" 0xAD (soft hyphen), "Đ" 0xA7 ("§"),
 * "ì" 0xD7 ("×"); VNI writes "á" as "a" + 0xF9 ("ù"), "â" as "a" + 0xE2 ("â"), "ư" as 0xF6 ("ö").
 */
const REPORTS = join(import.meta.dirname, '..', 'fixtures', 'reports');

const HEADERS: Record<(typeof SEED_IDS)[number], string> = {
  '000': 'UBND xã Sơn Tây Hạ – Sơ kết Đề án 06 giai đoạn 2022 - 2025',
  '001': 'UBND xã Giai Xuân – Báo cáo sơ kết Đề án 06/CP',
  '002': 'Tổ công tác Đề án 06 huyện Quảng Xƣơng – Kế hoạch kiểm tra năm 2023',
  '003': 'UBND xã Giai Phạm – Báo cáo Đề án 06',
  '004': 'UBND phường Giếng Đáy – Báo cáo 01 năm tháo gỡ “điểm nghẽn” Đề án 06',
};

const EXPECTED_FILES = [
  ...SEED_IDS.flatMap((id) => [`seed-${id}.txt`, `seed-${id}.docx`, `seed-${id}.pdf`]),
  'legacy/seed-003-tcvn3.docx',
  'legacy/seed-003-tcvn3.pdf',
  'legacy/seed-001-vni.docx',
  'legacy/seed-001-vni.pdf',
  'scan/seed-003-scan.pdf',
  'bad/encrypted.pdf',
  'bad/corrupt.pdf',
  'bad/truncated.pdf',
  'bad/empty.pdf',
  'bad/empty-text.docx',
  'bad/really-a-docx.pdf',
  'bad/not-a-docx.docx',
];

const file = (name: string): string => join(REPORTS, name);
const bytes = (name: string): Buffer => readFileSync(file(name));
const startsWith = (name: string, magic: string): boolean => bytes(name).subarray(0, magic.length).toString('latin1') === magic;

async function openPdf(name: string): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes(name)), verbosity: 0 }).promise;
}

async function pageText(pdf: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const content = await (await pdf.getPage(pageNumber)).getTextContent();
  return content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
}

async function zipEntry(name: string, entry: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes(name));
  const part = zip.file(entry);
  if (!part) throw new Error(`${name} has no ${entry}`);
  return part.async('string');
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** Body text of a document.xml in reading order: runs joined within a paragraph, paragraphs on lines. */
function documentXmlText(xml: string): string {
  const body = xml.replace(/<\/w:p>/g, '\n').replace(/<w:tab\/>/g, '\t');
  return [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|\n/g)].map((m) => (m[0] === '\n' ? '\n' : decodeXml(m[1] ?? ''))).join('');
}

/** Words in order, with list markers dropped: a "-" or "+" line becomes a Word bullet that has no text. */
function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^[-+]+/, ''))
    .filter((token) => token.length > 0);
}

/** Code points above Latin-1, apart from the typographic punctuation Word keeps as it is. */
function nonLatin1(text: string): string[] {
  return [...new Set([...text].filter((c) => c.codePointAt(0)! > 0xff && !'“”‘’…–—'.includes(c)))];
}

describe('fixtures/reports: every listed file exists', () => {
  it.each(EXPECTED_FILES)('%s', (name) => {
    expect(existsSync(file(name)), `${name} is missing: run npm run fixtures`).toBe(true);
  });
});

describe('seed DOCX rebuilds', () => {
  it.each(SEED_IDS)('seed-%s.docx is a Word document with headings, a table, header and page-number footer', async (id) => {
    const name = `seed-${id}.docx`;
    expect(startsWith(name, 'PK\x03\x04')).toBe(true);
    const xml = await zipEntry(name, 'word/document.xml');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toMatch(/<w:numPr>/);
    const zip = await JSZip.loadAsync(bytes(name));
    const headers = await Promise.all(zip.file(/^word\/header\d*\.xml$/).map((f) => f.async('string')));
    const footers = await Promise.all(zip.file(/^word\/footer\d*\.xml$/).map((f) => f.async('string')));
    const expectedHeader = id === '002' ? HEADERS[id].replaceAll('ƣ', 'ư') : HEADERS[id];
    expect(headers.map(documentXmlText).join('\n')).toContain(expectedHeader);
    expect(footers.join('\n')).toMatch(/PAGE/);
    expect(await zipEntry(name, 'word/styles.xml')).toContain('Times New Roman');
  });

  it.each(SEED_IDS)('seed-%s.docx body holds the seed words in the seed order', async (id) => {
    let seed = seedText(id);
    // Seed 002's extraction wrote "ƣ" for "ư"; the Word file has it right.
    if (id === '002') seed = seed.replaceAll('ƣ', 'ư').replaceAll('Ƣ', 'Ư');
    const docx = documentXmlText(await zipEntry(`seed-${id}.docx`, 'word/document.xml'));
    expect(words(docx)).toEqual(words(seed));
  });

  it('seed-002.docx writes "ư", never the extraction artefact "ƣ"', async () => {
    const text = documentXmlText(await zipEntry('seed-002.docx', 'word/document.xml'));
    expect(text).toContain('Quảng Xương');
    expect(text).not.toMatch(/[ƣƢ]/);
  });

  it('seed-002.docx lays out Phụ lục 1 as a real four-column table', async () => {
    const xml = await zipEntry('seed-002.docx', 'word/document.xml');
    const table = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('Đoàn kiểm tra'));
    expect(table).toBeDefined();
    const firstRow = /<w:tr\b[\s\S]*?<\/w:tr>/.exec(table ?? '')?.[0] ?? '';
    expect(firstRow.match(/<w:tc>/g)).toHaveLength(4);
    expect(documentXmlText(firstRow)).toContain('STT');
  });
});

describe('seed PDF exports', () => {
  it.each(SEED_IDS)('seed-%s.pdf is a multi-page PDF whose pages carry the running header and a page number', async (id) => {
    const name = `seed-${id}.pdf`;
    expect(startsWith(name, '%PDF-')).toBe(true);
    const pdf = await openPdf(name);
    expect(pdf.numPages).toBeGreaterThan(2);
    // seed-002.pdf is exported from the variant that keeps "ƣ", header included.
    const header = HEADERS[id];
    for (const pageNumber of [1, pdf.numPages]) {
      const text = await pageText(pdf, pageNumber);
      expect(text).toContain(header);
      expect(text).toMatch(new RegExp(`(^|\\s)(Trang )?${pageNumber}(/${pdf.numPages})?(\\s|$)`));
    }
  });

  it('seed-002.pdf keeps the extraction defect: its text layer has U+01A3 "ƣ"', async () => {
    const pdf = await openPdf('seed-002.pdf');
    const text = await pageText(pdf, 1);
    expect(text).toContain('\u01a3');
    expect(text).toContain('Quảng Xƣơng');
  });
});

describe('legacy encodings', () => {
  it('seed-003-tcvn3.docx stores TCVN3 bytes in .VnTime/.VnTimeH runs', async () => {
    const xml = await zipEntry('legacy/seed-003-tcvn3.docx', 'word/document.xml');
    const text = documentXmlText(xml);
    expect(text).toContain('B¸o c¸o'); // "Báo cáo"
    expect(text).toContain('d©n c\u00ad'); // "dân cư": ư is 0xAD, read by Word as U+00AD
    expect(text).toContain('§Ò ¸n 06'); // "Đề án 06"
    expect(text).toContain('I. T×NH H×NH'); // a heading in capitals, typed with the lower-case codes
    expect(xml).toContain('w:ascii=".VnTime"');
    expect(xml).toContain('w:ascii=".VnTimeH"');
    expect(nonLatin1(text)).toEqual([]);
  });

  it('seed-001-vni.docx stores VNI bytes in VNI-Times runs', async () => {
    const xml = await zipEntry('legacy/seed-001-vni.docx', 'word/document.xml');
    const text = documentXmlText(xml);
    expect(text).toContain('Baùo caùo'); // "Báo cáo"
    expect(text).toContain('BAÙO CAÙO'); // "BÁO CÁO"
    expect(text).toContain('daân cö'); // "dân cư"
    expect(xml).toContain('w:ascii="VNI-Times"');
    expect(nonLatin1(text)).toEqual([]);
  });

  it('seed-003-tcvn3.pdf embeds fonts named .VnTime and its text layer is TCVN3', async () => {
    const pdf = await openPdf('legacy/seed-003-tcvn3.pdf');
    const page = await pdf.getPage(1);
    expect(await pageText(pdf, 1)).toContain('B¸o c¸o');
    const operators = await page.getOperatorList();
    const fontNames = new Set<string>();
    let softHyphens = 0;
    operators.fnArray.forEach((fn, i) => {
      const args = operators.argsArray[i] as unknown[];
      if (fn === OPS.setFont) fontNames.add((page.commonObjs.get(args[0] as string) as { name: string }).name);
      if (fn === OPS.showText) {
        for (const glyph of args[0] as unknown[]) if ((glyph as { unicode?: string } | null)?.unicode === '\u00ad') softHyphens++;
      }
    });
    expect([...fontNames].some((n) => /\+\.VnTime$/.test(n))).toBe(true);
    // "ư" is mapped to U+00AD. pdf.js text content drops it (Unicode category Cf); the glyphs keep it.
    expect(softHyphens).toBeGreaterThan(10);
  });

  it('seed-001-vni.pdf embeds VNI-Times and its text layer is VNI', async () => {
    const pdf = await openPdf('legacy/seed-001-vni.pdf');
    const page = await pdf.getPage(1);
    expect(await pageText(pdf, 1)).toContain('Baùo caùo');
    const operators = await page.getOperatorList();
    const fontNames = operators.fnArray.flatMap((fn, i) =>
      fn === OPS.setFont ? [(page.commonObjs.get((operators.argsArray[i] as string[])[0] ?? '') as { name: string }).name] : [],
    );
    expect(fontNames.some((n) => /\+VNI-Times$/.test(n))).toBe(true);
  });
});

describe('the scan', () => {
  it('scan/seed-003-scan.pdf is image-only: pages, but no text at all', async () => {
    const name = 'scan/seed-003-scan.pdf';
    expect(startsWith(name, '%PDF-')).toBe(true);
    expect(statSync(file(name)).size).toBeLessThan(1.6 * 1024 * 1024);
    const pdf = await openPdf(name);
    expect(pdf.numPages).toBeGreaterThanOrEqual(4);
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      expect((await page.getTextContent()).items).toHaveLength(0);
      expect((await page.getOperatorList()).fnArray).toContain(OPS.paintImageXObject);
    }
  });
});

describe('bad inputs', () => {
  const failure = async (name: string): Promise<string> => {
    try {
      await openPdf(name);
      return 'opened';
    } catch (error) {
      return (error as Error).name;
    }
  };

  it('encrypted.pdf needs a user password', async () => {
    expect(startsWith('bad/encrypted.pdf', '%PDF-')).toBe(true);
    expect(await failure('bad/encrypted.pdf')).toBe('PasswordException');
  });

  it('corrupt.pdf has a PDF header and nothing readable after it', async () => {
    expect(startsWith('bad/corrupt.pdf', '%PDF-')).toBe(true);
    expect(await failure('bad/corrupt.pdf')).toBe('InvalidPDFException');
  });

  it('truncated.pdf is the first 40% of seed-003.pdf', async () => {
    const cut = bytes('bad/truncated.pdf');
    const whole = bytes('seed-003.pdf');
    expect(whole.subarray(0, cut.length).equals(cut)).toBe(true);
    expect(cut.length / whole.length).toBeCloseTo(0.4, 2);
    expect(cut.includes('%%EOF')).toBe(false);
    expect(await failure('bad/truncated.pdf')).toBe('InvalidPDFException');
  });

  it('empty.pdf has zero bytes', () => {
    expect(statSync(file('bad/empty.pdf')).size).toBe(0);
  });

  it('empty-text.docx is a valid DOCX without a single character of text', async () => {
    const xml = await zipEntry('bad/empty-text.docx', 'word/document.xml');
    expect(xml).toContain('<w:body>');
    expect(documentXmlText(xml).trim()).toBe('');
  });

  it('really-a-docx.pdf holds the bytes of a DOCX', async () => {
    expect(startsWith('bad/really-a-docx.pdf', 'PK\x03\x04')).toBe(true);
    expect(await zipEntry('bad/really-a-docx.pdf', 'word/document.xml')).toContain('<w:body>');
  });

  it('not-a-docx.docx is a zip of unrelated files', async () => {
    expect(startsWith('bad/not-a-docx.docx', 'PK\x03\x04')).toBe(true);
    const zip = await JSZip.loadAsync(bytes('bad/not-a-docx.docx'));
    expect(Object.keys(zip.files).length).toBeGreaterThan(0);
    expect(zip.file('[Content_Types].xml')).toBeNull();
    expect(zip.file('word/document.xml')).toBeNull();
  });
});
