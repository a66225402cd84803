/**
 * Builds the PDFs the PDF adapter's tests read, for the cases the shared fixtures do not pin down
 * exactly (a word split by a hyphen at a line end, a "2022 -" line end, a wrapped table cell,
 * a document that is partly scanned). The PDFs are committed; rerun this only to change them:
 *
 *   layout.pdf          3 pages: running header and "Trang N/M" footer, headings, lists, a ruled table
 *                       with a wrapped cell, a hyphen-split word, a paragraph across a page break
 *   page1.pdf           page 1 of layout.pdf alone (the leak test opens it hundreds of times)
 *   borderless.pdf      the same table without borders
 *   long-table.pdf      a ruled table running onto page 2, header row repeated
 *   table-over-pages.b.pdf  table-over-pages.src laid out by the corpus's pdfkit producer (scripts/corpus/pdf-b.ts):
 *                       a borderless table running onto page 2 whose wrapped header is read as lines of text
 *                       above each part
 *   hanging-list.a.pdf  hanging-list.src through the corpus's Word-and-LibreOffice producer, made apart with
 *                       npx tsx scripts/corpus/make.ts --src test/data/pdf/hanging-list.src --out test/data/pdf --producers a.pdf
 *                       ("- Xã …" items whose "+" sub-items hang one indent further in)
 *   lettered-titles.a.pdf, lettered-titles.b.pdf  lettered-titles.src through both corpus PDF producers, made the same
 *                       way (--producers a.pdf,b.pdf): "a) …" titles each followed by its paragraph
 *   item-over-pages.b.pdf  item-over-pages.src laid out by the pdfkit producer, as table-over-pages.b.pdf: a numbered
 *                       item that runs over the page break at its hanging indent
 *   u01a3.pdf           text typed with "ƣ" (U+01A3) for "ư", as seed 002's text layer reads
 *   partly-scanned.pdf  layout.pdf plus a page that is only an image
 *   scan-only.pdf       one image-only page;  blank.pdf  one page with nothing on it
 *   encrypted.pdf       layout.pdf with a user password;  truncated.pdf, garbage.pdf  broken files
 *
 *   npx tsx test/data/pdf/make.ts
 *
 * Needs LibreOffice (soffice), poppler-utils (pdftoppm), img2pdf and qpdf on PATH.
 * Line breaks that a test depends on are manual (w:br) so that they do not move when fonts or
 * LibreOffice versions change; everything else wraps naturally.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPdfB } from '../../../scripts/corpus/pdf-b.ts';
import { parseSource } from '../../../scripts/corpus/source.ts';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const outDir = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'solieu-pdf-'));

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt, the size Vietnamese administrative documents use

function para(text: string, options: { bold?: boolean; center?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 567 },
    spacing: { after: 60 },
    children: [new TextRun({ text, bold: options.bold, font: FONT, size: SIZE })],
  });
}

/** A paragraph whose lines end exactly where `lines` says (manual line breaks). */
function brokenPara(lines: string[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    indent: { firstLine: 567 },
    spacing: { after: 60 },
    children: lines.map((text, index) => new TextRun({ text, font: FONT, size: SIZE, break: index === 0 ? 0 : 1 })),
  });
}

function cell(text: string, width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [new TextRun({ text, bold, font: FONT, size: 24 })],
      }),
    ],
  });
}

const COLUMN_WIDTHS = [700, 3900, 1500, 1700, 1300];
function row(cells: string[], bold = false): TableRow {
  return new TableRow({ children: cells.map((text, i) => cell(text, COLUMN_WIDTHS[i] ?? 1000, bold)) });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

const layoutDocument = new Document({
  sections: [
    {
      properties: {
        page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } },
      },
      headers: {
        default: new Header({
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: 'UBND XÃ HÒA BÌNH – BÁO CÁO ĐỀ ÁN 06 NĂM 2024', italics: true, font: FONT, size: 20 })],
            }),
          ],
        }),
      },
      footers: {
        default: new Footer({
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [
                new TextRun({ children: ['Trang ', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES], font: FONT, size: 20 }),
              ],
            }),
          ],
        }),
      },
      children: [
        para('BÁO CÁO', { bold: true, center: true, indent: false }),
        para('Kết quả thực hiện Đề án 06 năm 2024 trên địa bàn xã Hòa Bình', { bold: true, center: true, indent: false }),
        para(
          'Thực hiện Kế hoạch số 56/KH-UBND ngày 02/03/2024 của Ủy ban nhân dân huyện về việc triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia, Ủy ban nhân dân xã Hòa Bình báo cáo kết quả thực hiện như sau:',
        ),
        para('I. KHÁI QUÁT TÌNH HÌNH CHUNG', { bold: true, indent: false }),
        para('1. Tình hình dân cư', { bold: true, indent: false }),
        para(
          'Xã Hòa Bình có diện tích tự nhiên 121,81 km2, gồm 12 thôn với 5.388 hộ, 21.187 nhân khẩu. Toàn xã có 15/15 thôn đã thành lập tổ công nghệ số cộng đồng, hoạt động thường xuyên và có hiệu quả.',
        ),
        para('- Tổng số tài khoản định danh điện tử đã kích hoạt: 8.344 tài khoản, trong đó mức 1: 541 tài khoản, mức 2: 7.803 tài khoản.', { indent: false }),
        para('+ Đăng ký thường trú: tiếp nhận 31 hồ sơ;', { indent: false }),
        para('+ Đăng ký tạm trú: tiếp nhận 89 hồ sơ.', { indent: false }),
        brokenPara([
          'Xã đã phối hợp với doanh nghiệp viễn thông kết nối phần mềm một cửa với hệ thống inter-',
          'operability của tỉnh, bảo đảm dữ liệu được đồng bộ hằng ngày trong toàn bộ giai đoạn 2022 -',
          '2025 mà không phải nhập lại hồ sơ giấy.',
        ]),
        para('2. Kết quả giải quyết thủ tục hành chính', { bold: true, indent: false }),
        para('Kết quả tiếp nhận và giải quyết hồ sơ trong năm 2024 như sau:'),
        resultTable(true),
        para('II. NHỮNG KHÓ KHĂN, VƯỚNG MẮC', { bold: true, indent: false }),
        ...longParagraphs(),
        para('III. PHƯƠNG HƯỚNG NHIỆM VỤ THỜI GIAN TỚI', { bold: true, indent: false }),
        para('- Tiếp tục đẩy mạnh tuyên truyền về lợi ích của tài khoản định danh điện tử mức 2.', { indent: false }),
        para('- Phấn đấu đến hết năm 2025 có 100% thủ tục đủ điều kiện được cung cấp trực tuyến toàn trình.', { indent: false }),
      ],
    },
  ],
});

/** Enough ordinary text for the document to run over three pages, so that one paragraph crosses a page break. */
function longParagraphs(): Paragraph[] {
  const sentences = [
    'Hạ tầng mạng tại một số thôn vùng cao còn yếu, việc truy cập dịch vụ công trực tuyến của người dân gặp nhiều khó khăn, nhất là vào giờ cao điểm.',
    'Một bộ phận người dân, nhất là người cao tuổi, chưa có điện thoại thông minh nên chưa thể kích hoạt tài khoản định danh điện tử mức 2.',
    'Đội ngũ cán bộ làm công tác chuyển đổi số ở cấp xã còn kiêm nhiệm nhiều việc, thời gian dành cho việc hướng dẫn người dân còn hạn chế.',
    'Kinh phí bố trí cho việc mua sắm trang thiết bị phục vụ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chưa đáp ứng được yêu cầu.',
  ];
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < 12; i++) {
    paragraphs.push(para(`${sentences[i % 4]} ${sentences[(i + 1) % 4]} ${sentences[(i + 2) % 4]}`));
  }
  return paragraphs;
}

function resultTable(borders: boolean): Table {
  return new Table({
    columnWidths: COLUMN_WIDTHS,
    borders: borders
      ? { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border }
      : { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder, insideHorizontal: noBorder, insideVertical: noBorder },
    rows: [
      row(['STT', 'Thủ tục', 'Tiếp nhận', 'Đã giải quyết', 'Tỷ lệ (%)'], true),
      row(['1', 'Đăng ký thường trú', '31', '30', '96,8']),
      row(['2', 'Đăng ký tạm trú và thông báo lưu trú cho người nước ngoài tại địa bàn xã', '89', '89', '100']),
      row(['3', 'Đăng ký khai sinh', '120', '118', '98,3']),
      row(['', 'Cộng', '240', '237', '98,8']),
    ],
  });
}

/** The same table without any borders: only the alignment of its columns shows it is a table. */
const borderlessDocument = new Document({
  sections: [
    {
      children: [
        para('Kết quả tiếp nhận và giải quyết hồ sơ trong năm 2024 như sau:'),
        resultTable(false),
        para('Các hồ sơ còn lại đang được giải quyết theo đúng quy định.'),
      ],
    },
  ],
});

/**
 * Text typed with "ƣ" (U+01A3) where "ư" belongs, as the text layer of seed 002 reads: the
 * adapter must hand it over untouched (repairing it is the normalizer's job).
 */
const u01a3Document = new Document({
  sections: [
    {
      children: [
        para('KẾ HOẠCH', { bold: true, center: true, indent: false }),
        para(
          'Kiểm tra kết quả thực hiện các nhiệm vụ của Đề án phát triển ứng dụng dữ liệu về dân cƣ, định danh và xác thực điện tử trên địa bàn huyện Quảng Xƣơng năm 2023, bảo đảm ngƣời dân đƣợc hƣớng dẫn đầy đủ.',
        ),
      ],
    },
  ],
});

/** Households and persons per village, as the long table below prints them. */
const VILLAGES = Array.from({ length: 70 }, (_, i) => ({ name: `Thôn ${i + 1}`, households: 100 + i, persons: 400 + 3 * i }));

/** A ruled table too long for one page, its header row repeated on the next (Word's "repeat as header row"). */
const longTableDocument = new Document({
  sections: [
    {
      children: [
        para('Số hộ và nhân khẩu theo thôn:'),
        new Table({
          columnWidths: [900, 4000, 2000, 2000],
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
          rows: [
            new TableRow({
              tableHeader: true,
              children: ['STT', 'Thôn', 'Số hộ', 'Nhân khẩu'].map((text, i) => cell(text, [900, 4000, 2000, 2000][i]!, true)),
            }),
            ...VILLAGES.map(
              (village, i) =>
                new TableRow({
                  children: [String(i + 1), village.name, String(village.households), String(village.persons)].map((text, k) =>
                    cell(text, [900, 4000, 2000, 2000][k]!),
                  ),
                }),
            ),
          ],
        }),
        para('Tổng cộng toàn xã có 70 thôn.'),
      ],
    },
  ],
});

const blankDocument = new Document({ sections: [{ children: [new Paragraph({ children: [] })] }] });

async function toPdf(document: Document, name: string): Promise<string> {
  const docxPath = join(work, `${name}.docx`);
  writeFileSync(docxPath, await Packer.toBuffer(document));
  execFileSync('soffice', [
    '--headless',
    `-env:UserInstallation=file://${join(work, 'lo-profile')}`,
    '--convert-to',
    'pdf',
    '--outdir',
    work,
    docxPath,
  ]);
  return join(work, `${name}.pdf`);
}

try {
  const layoutPdf = await toPdf(layoutDocument, 'layout');
  copyFileSync(layoutPdf, join(outDir, 'layout.pdf'));

  // Page 1 alone (text, a ruled table, header and footer): cheap enough to open hundreds of times.
  execFileSync('qpdf', ['--empty', '--pages', layoutPdf, '1', '--', join(outDir, 'page1.pdf')]);
  copyFileSync(await toPdf(borderlessDocument, 'borderless'), join(outDir, 'borderless.pdf'));
  copyFileSync(await toPdf(u01a3Document, 'u01a3'), join(outDir, 'u01a3.pdf'));
  copyFileSync(await toPdf(longTableDocument, 'long-table'), join(outDir, 'long-table.pdf'));
  for (const name of ['table-over-pages', 'item-over-pages']) {
    writeFileSync(join(outDir, `${name}.b.pdf`), await renderPdfB(parseSource(readFileSync(join(outDir, `${name}.src`), 'utf8'))));
  }

  // A page that is only a picture of page 1, appended after the text pages: a partly scanned report.
  execFileSync('pdftoppm', ['-r', '72', '-gray', '-jpeg', '-jpegopt', 'quality=50', '-f', '1', '-l', '1', layoutPdf, join(work, 'scan')]);
  execFileSync('img2pdf', ['-o', join(work, 'scan.pdf'), join(work, 'scan-1.jpg')]);
  execFileSync('qpdf', ['--empty', '--pages', layoutPdf, join(work, 'scan.pdf'), '--', join(outDir, 'partly-scanned.pdf')]);
  copyFileSync(join(work, 'scan.pdf'), join(outDir, 'scan-only.pdf'));

  // A page with nothing on it at all: readable, but there is nothing to read and nothing to OCR.
  copyFileSync(await toPdf(blankDocument, 'blank'), join(outDir, 'blank.pdf'));

  execFileSync('qpdf', ['--encrypt', 'matkhau', 'matkhau-chu', '256', '--', layoutPdf, join(outDir, 'encrypted.pdf')]);

  const layoutBytes = readFileSync(layoutPdf);
  writeFileSync(join(outDir, 'truncated.pdf'), layoutBytes.subarray(0, Math.floor(layoutBytes.length * 0.4)));
  // A PDF header followed by bytes that are not a PDF: what a broken upload or a renamed file looks like.
  writeFileSync(join(outDir, 'garbage.pdf'), Buffer.from('%PDF-1.7\n' + 'Đây không phải là tệp PDF. '.repeat(40), 'utf8'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
