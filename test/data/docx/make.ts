/**
 * Builds the small DOCX files the DOCX adapter's tests read, for cases the shared fixtures do not pin
 * down exactly (table spans, list levels, fonts inherited from styles and themes, a soft hyphen that is
 * really the TCVN3 letter "ư", and each kind of unusable file). The files are committed; rerun this
 * only to change them:
 *
 *   npx tsx test/data/docx/make.ts
 *
 * The unusable files need LibreOffice (soffice) and Debian's /usr/bin/python3 with the `uno` module:
 * a password-protected DOCX, a Word 97 .doc and an RTF are real LibreOffice output renamed to .docx,
 * because that is how they reach an inbox.
 *
 * word-lists.a.docx is made apart, from word-lists.src, by the corpus's Word producer:
 *   npx tsx scripts/corpus/make.ts --src test/data/docx/word-lists.src --out test/data/docx --producers a.docx
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const outDir = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'solieu-docx-'));

/** A 2×2 red PNG: enough for Word and mammoth to see an image. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACAQMAAABIeJ9nAAAAA1BMVEX/AAAZ4gk3AAAADElEQVQI12NgYGAAAAAEAAEnNCcKAAAAAElFTkSuQmCC',
  'base64',
);

function cell(text: string | string[], options: { columnSpan?: number; rowSpan?: number; font?: string } = {}): TableCell {
  const texts = Array.isArray(text) ? text : [text];
  return new TableCell({
    width: { size: 2000, type: WidthType.DXA },
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    children: texts.map((t) => new Paragraph({ children: [new TextRun({ text: t, font: options.font })] })),
  });
}

async function write(name: string, document: Document): Promise<Buffer> {
  const bytes = await Packer.toBuffer(document);
  writeFileSync(join(outDir, name), bytes);
  return bytes;
}

/**
 * A modern report: headings, an empty paragraph, two list levels, a numbered list, a table with a
 * header row and merged cells, a footnote, an image, header/footer, a custom style mammoth does not
 * know (so it warns), a manual line break, and the characters whitespace handling must not touch.
 */
async function structure(): Promise<Buffer> {
  return write(
    'structure.docx',
    new Document({
      styles: {
        paragraphStyles: [{ id: 'BaoCaoThuong', name: 'Bao Cao Thuong', basedOn: 'Normal', run: { size: 26 } }],
      },
      numbering: {
        config: [
          {
            reference: 'so-thu-tu',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
          },
        ],
      },
      footnotes: { 1: { children: [new Paragraph('Số liệu đến ngày 15/6/2025.')] } },
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('UBND XÃ GIAI XUÂN – đầu trang')] }) },
          footers: { default: new Footer({ children: [new Paragraph('Chân trang 7')] }) },
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('BÁO CÁO KẾT QUẢ ĐỀ ÁN 06')] }),
            new Paragraph({ children: [] }),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('1. Công tác cư trú')] }),
            new Paragraph({
              children: [new TextRun('Tổng số 5.388 hộ, 21.187 nhân khẩu.'), new FootnoteReferenceRun(1)],
            }),
            new Paragraph({ text: 'Đăng ký thường trú: 31 hồ sơ', bullet: { level: 0 } }),
            new Paragraph({ text: 'Trực tuyến: 18 hồ sơ', bullet: { level: 1 } }),
            new Paragraph({ text: 'Đăng ký tạm trú: 89 hồ sơ', bullet: { level: 0 } }),
            new Paragraph({ text: 'Cấp 11241 thẻ Căn cước', numbering: { reference: 'so-thu-tu', level: 0 } }),
            new Paragraph({ text: 'Kích hoạt 5616 tài khoản mức 2', numbering: { reference: 'so-thu-tu', level: 0 } }),
            new Paragraph('   '),
            new Table({
              rows: [
                new TableRow({
                  tableHeader: true,
                  children: [cell('TT'), cell('Nội dung'), cell('Năm 2022'), cell('Năm 2023')],
                }),
                // Body rows say "not a header row" explicitly (<w:tblHeader w:val="off"/>), as some generators do.
                new TableRow({
                  tableHeader: false,
                  children: [cell('1', { rowSpan: 2 }), cell('Số hóa hồ sơ'), cell('6.065/6588'), cell('6.702/6.715')],
                }),
                new TableRow({ tableHeader: false, children: [cell('Tỷ lệ'), cell('92%'), cell('91%')] }),
                new TableRow({
                  tableHeader: false,
                  children: [cell('Tổng cộng', { columnSpan: 2 }), cell(['Đúng hạn', '13.274']), cell('6589')],
                }),
              ],
            }),
            new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 20, height: 20 } })] }),
            new Paragraph({ style: 'BaoCaoThuong', text: 'Tỷ lệ\u00a0đạt 92%, người dùng\u00ad ký\u00a0tự.' }),
            new Paragraph({
              children: [new TextRun('Dòng thứ nhất'), new TextRun({ text: 'dòng thứ hai', break: 1 })],
            }),
          ],
        },
      ],
    }),
  );
}

/**
 * A legacy report as Word saves it after conversion from .doc: TCVN3 bytes kept as Windows-1252
 * characters in `.VnTime`, reached in each way Word allows: the document defaults, a paragraph style
 * (and one based on it), a heading style, a character style, direct formatting, and a table cell.
 * "c\u00ad tró" is "cư trú" in TCVN3, where byte 0xAD is the letter "ư".
 */
async function tcvn3(): Promise<Buffer> {
  return write(
    'tcvn3.docx',
    new Document({
      styles: {
        default: {
          document: { run: { font: 'Times New Roman' } },
          heading1: { run: { font: '.VnTimeH', bold: true } },
        },
        paragraphStyles: [
          { id: 'VnBody', name: 'Vn Body', basedOn: 'Normal', run: { font: '.VnTime' } },
          { id: 'VnBodyIndent', name: 'Vn Body Indent', basedOn: 'VnBody', paragraph: { indent: { firstLine: 567 } } },
        ],
        characterStyles: [{ id: 'VniChar', name: 'Vni Char', run: { font: 'VNI-Times' } }],
      },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('B¸O C¸O')] }),
            new Paragraph({ style: 'VnBody', children: [new TextRun('Tæng sè 5.388 hé')] }),
            new Paragraph({ style: 'VnBodyIndent', children: [new TextRun('§· cÊp 11.241 thÎ')] }),
            new Paragraph({
              children: [new TextRun('Dân số: '), new TextRun({ text: 'c\u00ad tró', font: '.VnTime' })],
            }),
            new Paragraph({ children: [new TextRun({ text: 'Baùo caùo', style: 'VniChar' })] }),
            // "Khu dân cư": the paragraph ends in the letter "ư", byte 0xAD.
            new Paragraph({ style: 'VnBody', children: [new TextRun('Khu d©n c\u00ad')] }),
            new Paragraph({
              style: 'VnBody',
              children: [new TextRun('Tæng '), new TextRun({ text: 'Arial 2025', font: 'Arial' }), new TextRun(' hé')],
            }),
            new Table({
              rows: [
                new TableRow({ children: [cell('Sè hé', { font: '.VnTime' }), cell('5388')] }),
              ],
            }),
          ],
        },
      ],
    }),
  );
}

/** Fonts that come only from the theme: the defaults say "body font", the theme names it. */
async function themeFonts(): Promise<Buffer> {
  return write(
    'theme-fonts.docx',
    new Document({
      theme: { fonts: { body: '.VnTime', headings: 'VNI-Times' } },
      styles: {
        default: {
          document: { run: { font: { theme: 'body' } } },
          heading1: { run: { font: { theme: 'headings' } } },
        },
      },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Baùo caùo')] }),
            new Paragraph({ children: [new TextRun('Tæng sè 5.388 hé')] }),
          ],
        },
      ],
    }),
  );
}

/** An outline deeper than the five list levels mammoth maps by default. */
async function deepList(): Promise<void> {
  const levels = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  await write(
    'deep-list.docx',
    new Document({
      sections: [
        {
          children: levels.map((level) => new Paragraph({ text: `Mức ${level + 1}: ${10 * (level + 1)} hồ sơ`, bullet: { level } })),
        },
      ],
    }),
  );
}

/** Text that already uses the private-use plane the adapter borrows for its font markers. */
async function privateUse(): Promise<void> {
  await write(
    'private-use.docx',
    new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun({ text: 'Ký hiệu \u{100001} riêng', font: '.VnTime' })] })] }],
    }),
  );
}

async function emptyText(): Promise<void> {
  await write(
    'empty-text.docx',
    new Document({
      sections: [{ children: [new Paragraph(''), new Paragraph('   '), new Paragraph({ children: [] })] }],
    }),
  );
}

async function imageOnly(): Promise<void> {
  await write(
    'image-only.docx',
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 200, height: 280 } })] }),
          ],
        },
      ],
    }),
  );
}

/** A real spreadsheet named .docx: a zip, but with no Word document inside. */
function spreadsheet(): void {
  const csv = join(work, 'bang.csv');
  writeFileSync(csv, 'Xã,Số hộ\nGiai Xuân,5388\n');
  soffice(['--convert-to', 'xlsx', '--outdir', work, csv]);
  copyFileSync(join(work, 'bang.xlsx'), join(outDir, 'spreadsheet.docx'));
}

/** Word 97–2003 and RTF, saved by LibreOffice from the structure document and renamed. */
function legacyFormats(structurePath: string): void {
  const source = join(work, 'bao-cao.docx');
  copyFileSync(structurePath, source);
  soffice(['--convert-to', 'doc', '--outdir', work, source]);
  copyFileSync(join(work, 'bao-cao.doc'), join(outDir, 'word97-renamed.docx'));
  soffice(['--convert-to', 'rtf', '--outdir', work, source]);
  copyFileSync(join(work, 'bao-cao.rtf'), join(outDir, 'rtf-renamed.docx'));
}

/** Saved by LibreOffice with a password (ECMA-376 standard encryption, as Word's "Encrypt with Password"). */
function encrypted(structurePath: string): void {
  const script = join(work, 'encrypt.py');
  writeFileSync(
    script,
    `
import os, subprocess, sys, time, uno
from com.sun.star.beans import NamedValue, PropertyValue
source, target, password, profile = sys.argv[1:5]
office = subprocess.Popen(['soffice', '--headless', '--norestore', '-env:UserInstallation=' + profile,
    '--accept=pipe,name=solieu_docx_make;urp;'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def value(kind, name, v):
    p = kind(); p.Name = name; p.Value = v; return p
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(120):
        try:
            context = resolver.resolve('uno:pipe,name=solieu_docx_make;urp;StarOffice.ComponentContext')
            break
        except Exception:
            time.sleep(0.5)
    desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), '_blank', 0, (value(PropertyValue, 'Hidden', True),))
    encryption = uno.Any('[]com.sun.star.beans.NamedValue',
        (value(NamedValue, 'OOXPassword', password), value(NamedValue, 'CryptoType', 'Standard')))
    uno.invoke(document, 'storeToURL', (uno.systemPathToFileUrl(target),
        (value(PropertyValue, 'FilterName', 'MS Word 2007 XML'), value(PropertyValue, 'EncryptionData', encryption))))
    document.close(True)
finally:
    office.terminate()
    office.wait()
`,
  );
  const target = join(outDir, 'encrypted.docx');
  execFileSync('/usr/bin/python3', [script, structurePath, target, 'matkhau', `file://${join(work, 'profile-uno')}`], {
    stdio: 'inherit',
    timeout: 180_000,
  });
}

/** Breakage that happens in transit: a truncated download, and a DOCX whose main XML was cut short. */
async function damaged(structureBytes: Buffer): Promise<void> {
  writeFileSync(join(outDir, 'truncated.docx'), structureBytes.subarray(0, Math.floor(structureBytes.length / 2)));
  const zip = await JSZip.loadAsync(structureBytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', xml.slice(0, Math.floor(xml.length / 2)));
  writeFileSync(join(outDir, 'broken-xml.docx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  writeFileSync(join(outDir, 'not-a-zip.docx'), 'Báo cáo kết quả thực hiện Đề án 06 (đây là văn bản thuần)\n', 'utf8');
}

function soffice(args: string[]): void {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, ...args], {
    stdio: 'ignore',
    timeout: 180_000,
  });
}

try {
  const structureBytes = await structure();
  await tcvn3();
  await themeFonts();
  await deepList();
  await privateUse();
  await emptyText();
  await imageOnly();
  await damaged(structureBytes);
  const structurePath = join(outDir, 'structure.docx');
  spreadsheet();
  legacyFormats(structurePath);
  encrypted(structurePath);
  // The encrypted file is only useful if LibreOffice really wrote an OLE container.
  if (readFileSync(join(outDir, 'encrypted.docx')).readUInt32BE(0) !== 0xd0cf11e0) {
    throw new Error('LibreOffice did not encrypt encrypted.docx');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
