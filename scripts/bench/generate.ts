/**
 * Seeded corpus for the benchmark: N monthly Đề án 06 reports "like the seeds", half PDF (pdfkit, an embedded
 * Vietnamese-capable TTF) and half DOCX (docx), each about eight pages. Every report has the seeds' shapes —
 * I./1./2.1. headings, "- "/"+ " items, "Tổng số hồ sơ tiếp nhận: 120 hồ sơ" lines, task counts, a real table,
 * "a/b hồ sơ = p%" ratios — around filler prose taken from the seed texts. About one report in ten carries one
 * planted inconsistency whose expected finding is written to manifest.json, so the bench can say how many it caught.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** Bump when the generated documents change, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 1;

export type PlantedKind = 'ratio' | 'sum' | 'table-sum';

export interface PlantedInconsistency {
  kind: PlantedKind;
  /** The check expected to flag it. */
  rule: 'ratio-mismatch' | 'sum-mismatch';
  /** The numbers the finding should carry, in the order the check reports them. */
  values: number[];
}

export interface GeneratedReport {
  /** Relative to the corpus folder. */
  file: string;
  format: 'pdf' | 'docx';
  planted?: PlantedInconsistency;
}

export interface Corpus {
  dir: string;
  seed: number;
  reports: GeneratedReport[];
}

/** mulberry32: small, fast and the same on every machine, which is all a benchmark corpus needs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FONT_CANDIDATES = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf'],
  ['/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf'],
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
] as const;

/** pdfkit's built-in fonts are WinAnsi: without an embedded TTF, Vietnamese letters would be lost. */
export function vietnameseFonts(): { regular: string; bold: string } {
  for (const [regular, bold] of FONT_CANDIDATES) {
    if (existsSync(regular)) return { regular, bold: existsSync(bold) ? bold : regular };
  }
  throw new Error(
    `No Vietnamese-capable TrueType font found (looked for ${FONT_CANDIDATES.map(([regular]) => regular).join(', ')}). Install fonts-dejavu-core or fonts-liberation.`,
  );
}

const PROVINCES = [
  'Quảng Ngãi', 'Nghệ An', 'Thanh Hóa', 'Hà Tĩnh', 'Quảng Trị', 'Huế', 'Đà Nẵng', 'Gia Lai', 'Đắk Lắk', 'Lâm Đồng', 'Khánh Hòa',
  'Lào Cai', 'Tuyên Quang', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Ninh Bình', 'Hải Phòng', 'Quảng Ninh', 'Lạng Sơn',
  'Cao Bằng', 'Điện Biên', 'Lai Châu', 'Sơn La', 'Tây Ninh', 'Đồng Nai', 'Đồng Tháp', 'Vĩnh Long', 'An Giang', 'Cà Mau', 'Cần Thơ',
];
const NAME_SYLLABLES = [
  'Sơn', 'Tây', 'Hạ', 'Thượng', 'Bình', 'An', 'Hòa', 'Phú', 'Tân', 'Thạnh', 'Mỹ', 'Long', 'Hưng', 'Đức', 'Minh', 'Quang', 'Trung',
  'Nghĩa', 'Tiến', 'Lộc', 'Thịnh', 'Xuân', 'Đông', 'Nam', 'Bắc', 'Giai', 'Kỳ', 'Hải', 'Vĩnh', 'Cẩm', 'Thủy', 'Lâm', 'Yên', 'Đồng',
];
const UNIT_KINDS = ['Xã', 'Phường', 'Xã', 'Xã', 'Đặc khu'];
const PROCEDURES = [
  'Đăng ký thường trú', 'Đăng ký tạm trú', 'Khai báo tạm vắng', 'Thông báo lưu trú', 'Xóa đăng ký thường trú', 'Đăng ký khai sinh',
  'Đăng ký khai tử', 'Đăng ký kết hôn',
];

type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'para'; text: string }
  | { kind: 'item'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

/**
 * Some seed text came out of its PDF with a broken font mapping (ƣ for ư and the like); the tool repairs and
 * reports it, which is right for a real file but would put a note on every generated report.
 */
const MOJIBAKE = /[ƣƢ\uFFFD\u0080-\u009F]/u;

/** Sentences from the seeds with no digits at all: prose that fills pages without adding figures of its own. */
function fillerSentences(seedsDir: string): string[] {
  const sentences: string[] = [];
  for (const name of readdirSync(seedsDir).filter((entry) => entry.endsWith('.txt')).sort()) {
    const text = readFileSync(join(seedsDir, name), 'utf8')
      .split(/\n\s*\n/)
      .map((line) => line.trim())
      .join(' ')
      .replace(/\s+/g, ' ');
    for (const sentence of text.split(/(?<=[.;])\s+/)) {
      const clean = sentence.trim();
      if (clean.length >= 60 && clean.length <= 600 && !/\d/.test(clean) && /^[A-ZĐÀ-Ỹa-zđà-ỹ]/u.test(clean) && !/^[IVX]+\./.test(clean) && !/^\p{L}\s/u.test(clean) && !MOJIBAKE.test(clean)) {
        sentences.push(clean);
      }
    }
  }
  if (sentences.length < 20) throw new Error(`too little filler prose in ${seedsDir}`);
  return sentences;
}

/** Vietnamese thousands separator, the way the seeds write counts. */
function count(value: number): string {
  return value.toLocaleString('de-DE');
}

function percentText(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace('.', ',');
}

interface ReportPlan {
  blocks: Block[];
  planted?: PlantedInconsistency;
}

function planReport(random: () => number, filler: readonly string[], plantKind: PlantedKind | undefined): ReportPlan {
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const prose = (sentences: number) => Array.from({ length: sentences }, () => pick(filler)).join(' ');
  const paragraphs = (n: number): Block[] => Array.from({ length: n }, () => ({ kind: 'para' as const, text: prose(int(3, 4)) }));

  const unitKind = pick(UNIT_KINDS);
  const unitName = `${pick(NAME_SYLLABLES)} ${pick(NAME_SYLLABLES)}`;
  const province = pick(PROVINCES);
  const month = int(1, 12);
  const year = int(2023, 2025);
  const villages = int(5, 30);
  const households = int(1_500, 9_000);
  const population = households * int(3, 5) + int(0, 999);
  const tasksAssigned = int(12, 40);
  const tasksDone = int(Math.floor(tasksAssigned / 2), tasksAssigned);
  const received = int(60, 900);
  const returned = int(0, Math.floor(received / 20));
  const permanent = int(Math.floor(received / 4), Math.floor((received * 3) / 4));
  const temporary = received - permanent;
  const online = int(Math.floor(received / 3), received);
  const onlinePercent = Math.round((online / received) * 100);
  const eidLevel2 = int(Math.floor(population / 4), Math.floor(population / 2));
  const firstProcedure = int(0, PROCEDURES.length - 1);
  const tableRows = Array.from({ length: int(3, 5) }, (_, index) => {
    const got = int(0, 120);
    return { procedure: PROCEDURES[(firstProcedure + index) % PROCEDURES.length]!, received: got, onTime: got - int(0, Math.min(2, got)) };
  });
  const tableTotal = tableRows.reduce((sum, row) => sum + row.received, 0);
  const tableOnTime = tableRows.reduce((sum, row) => sum + row.onTime, 0);

  let planted: PlantedInconsistency | undefined;
  let statedPercent = onlinePercent;
  let statedReceived = received;
  let statedTableTotal = tableTotal;
  if (plantKind === 'ratio') {
    // Off by far more than rounding: the kind of typo an auditor must catch.
    statedPercent = onlinePercent >= 50 ? onlinePercent - int(15, 30) : onlinePercent + int(15, 30);
    planted = { kind: 'ratio', rule: 'ratio-mismatch', values: [online, received, statedPercent] };
  } else if (plantKind === 'sum') {
    statedReceived = received + int(5, 40);
    planted = { kind: 'sum', rule: 'sum-mismatch', values: [statedReceived, permanent, temporary] };
  } else if (plantKind === 'table-sum') {
    statedTableTotal = tableTotal + int(3, 25);
    planted = { kind: 'table-sum', rule: 'sum-mismatch', values: [statedTableTotal, ...tableRows.map((row) => row.received)] };
  }
  // The sum plant changes the stated total only; the outcome lines must still agree with it, or a second check fires.
  const statedOnTime = statedReceived - returned;

  const blocks: Block[] = [
    { kind: 'title', text: `UBND ${unitKind.toUpperCase()} ${unitName.toUpperCase()}` },
    { kind: 'title', text: 'BÁO CÁO' },
    { kind: 'title', text: `Kết quả triển khai, thực hiện Đề án 06 tháng ${month} năm ${year}` },
    { kind: 'heading', level: 1, text: 'I. KHÁI QUÁT TÌNH HÌNH' },
    { kind: 'para', text: `1. ${unitKind} ${unitName}, tỉnh ${province}, có ${villages} thôn với ${count(households)} hộ; ${count(population)} nhân khẩu. ${prose(2)}` },
    ...paragraphs(int(3, 4)),
    { kind: 'heading', level: 1, text: 'II. KẾT QUẢ THỰC HIỆN' },
    { kind: 'heading', level: 2, text: '1. Công tác chỉ đạo, điều hành' },
    { kind: 'para', text: `Tổng số nhiệm vụ được giao: ${tasksAssigned} nhiệm vụ; đã hoàn thành ${tasksDone} nhiệm vụ; đang thực hiện ${tasksAssigned - tasksDone} nhiệm vụ.` },
    ...paragraphs(int(3, 4)),
    { kind: 'heading', level: 2, text: '2. Kết quả giải quyết thủ tục hành chính' },
    { kind: 'heading', level: 3, text: '2.1. Lĩnh vực cư trú' },
    { kind: 'item', text: `- Tổng số hồ sơ tiếp nhận: ${count(statedReceived)} hồ sơ` },
    { kind: 'item', text: `+ ${returned} hồ sơ bị trả lại do thiếu giấy tờ` },
    { kind: 'item', text: `+ ${count(statedOnTime)} hồ sơ đã trả kết quả đúng thời hạn` },
    { kind: 'item', text: '- Trong đó:' },
    { kind: 'item', text: '- Đăng ký thường trú:' },
    { kind: 'para', text: `Tiếp nhận: ${count(permanent)} hồ sơ` },
    { kind: 'item', text: '- Đăng ký tạm trú:' },
    { kind: 'para', text: `Tiếp nhận: ${count(temporary)} hồ sơ` },
    ...paragraphs(int(2, 4)),
    { kind: 'heading', level: 3, text: '2.2. Dịch vụ công trực tuyến' },
    { kind: 'item', text: `+ Số hồ sơ tiếp nhận trực tuyến: ${count(online)}/${count(received)} hồ sơ = ${percentText(statedPercent)}%;` },
    ...paragraphs(int(2, 4)),
    { kind: 'heading', level: 3, text: '2.3. Kết quả theo từng thủ tục' },
    {
      kind: 'table',
      header: ['Thủ tục', 'Tiếp nhận', 'Đúng hạn'],
      rows: [...tableRows.map((row) => [row.procedure, String(row.received), String(row.onTime)]), ['Tổng cộng', String(statedTableTotal), String(tableOnTime)]],
    },
    ...paragraphs(int(2, 3)),
    { kind: 'heading', level: 2, text: '3. Định danh và xác thực điện tử' },
    { kind: 'para', text: `Tài khoản định danh điện tử mức độ 2 là ${count(eidLevel2)} tài khoản. ${prose(2)}` },
    ...paragraphs(int(3, 4)),
    { kind: 'heading', level: 1, text: 'III. NHẬN XÉT, ĐÁNH GIÁ' },
    { kind: 'heading', level: 2, text: '1. Ưu điểm' },
    ...Array.from({ length: int(3, 5) }, () => ({ kind: 'item' as const, text: `- ${prose(int(2, 4))}` })),
    { kind: 'heading', level: 2, text: '2. Tồn tại, hạn chế' },
    ...Array.from({ length: int(3, 5) }, () => ({ kind: 'item' as const, text: `- ${prose(int(2, 4))}` })),
    ...paragraphs(int(3, 4)),
    { kind: 'heading', level: 1, text: 'IV. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI' },
    ...Array.from({ length: int(4, 6) }, (_, index) => ({ kind: 'para' as const, text: `${index + 1}. ${prose(int(3, 5))}` })),
    ...paragraphs(int(3, 5)),
  ];
  return { blocks, ...(planted ? { planted } : {}) };
}

const FIXED_DATE = new Date('2025-01-01T00:00:00Z');

async function renderPdf(blocks: readonly Block[], fonts: { regular: string; bold: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 72, right: 56 }, bufferPages: true, info: { CreationDate: FIXED_DATE, Producer: 'solieu bench' } });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        doc.font('bold').fontSize(13).text(block.text, left, undefined, { width, align: 'center' }).moveDown(0.3);
        break;
      case 'heading':
        doc.moveDown(0.4).font('bold').fontSize(12.5).text(block.text, left, undefined, { width }).moveDown(0.2);
        break;
      case 'para':
        doc.font('body').fontSize(12.5).text(block.text, left, undefined, { width, align: 'justify', indent: 28, lineGap: 2 }).moveDown(0.3);
        break;
      case 'item':
        doc.font('body').fontSize(12.5).text(block.text, left + 14, undefined, { width: width - 14, align: 'justify', lineGap: 2 }).moveDown(0.15);
        break;
      case 'table': {
        const columns = [width * 0.55, width * 0.225, width * 0.225];
        const rowHeight = 22;
        const bottom = doc.page.height - doc.page.margins.bottom;
        let y = doc.y + 4;
        const rows = [block.header, ...block.rows];
        rows.forEach((row, rowIndex) => {
          if (y + rowHeight > bottom) {
            doc.addPage();
            y = doc.page.margins.top;
          }
          let x = left;
          doc.font(rowIndex === 0 || rowIndex === rows.length - 1 ? 'bold' : 'body').fontSize(11.5);
          row.forEach((cell, columnIndex) => {
            const cellWidth = columns[columnIndex]!;
            doc.rect(x, y, cellWidth, rowHeight).lineWidth(0.6).stroke();
            doc.text(cell, x + 5, y + 5, { width: cellWidth - 10, align: columnIndex === 0 ? 'left' : 'right', lineBreak: false });
            x += cellWidth;
          });
          y += rowHeight;
        });
        doc.x = left;
        doc.y = y + 8;
        break;
      }
    }
  }
  // Page numbers in the footer, like the seeds' "- 3 -" lines.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(10).text(String(index + 1), left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return done;
}

async function renderDocx(blocks: readonly Block[]): Promise<Buffer> {
  const font = 'Times New Roman';
  const children: Array<Paragraph | Table> = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: block.text, bold: true, font, size: 28 })] }));
        break;
      case 'heading':
        children.push(
          new Paragraph({
            heading: block.level === 1 ? HeadingLevel.HEADING_1 : block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            children: [new TextRun({ text: block.text, bold: true, font, size: 26 })],
          }),
        );
        break;
      case 'para':
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, children: [new TextRun({ text: block.text, font, size: 26 })] }));
        break;
      case 'item':
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { left: 283 }, children: [new TextRun({ text: block.text, font, size: 26 })] }));
        break;
      case 'table': {
        const rows = [block.header, ...block.rows];
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: rows.map(
              (row, rowIndex) =>
                new TableRow({
                  children: row.map(
                    (cell) =>
                      new TableCell({
                        children: [new Paragraph({ children: [new TextRun({ text: cell, font, size: 24, bold: rowIndex === 0 || rowIndex === rows.length - 1 })] })],
                      }),
                  ),
                }),
            ),
          }),
        );
        break;
      }
    }
  }
  const document = new Document({ creator: 'solieu bench', sections: [{ children }] });
  return Packer.toBuffer(document);
}

const PLANT_ORDER: readonly PlantedKind[] = ['ratio', 'sum', 'table-sum'];

/**
 * Builds (or reuses) the corpus for (seed, n) under `cacheRoot`: generating a thousand PDFs takes a while and
 * the same corpus must be measured by every variant of the run anyway.
 */
export async function generateCorpus(options: { seed: number; n: number; cacheRoot: string; seedsDir: string; log?: (line: string) => void }): Promise<Corpus & { generatedMs: number; reused: boolean }> {
  const { seed, n, cacheRoot, seedsDir } = options;
  const dir = join(cacheRoot, `corpus-v${GENERATOR_VERSION}-seed${seed}-n${n}`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const corpus = JSON.parse(readFileSync(manifestPath, 'utf8')) as Corpus;
    return { ...corpus, dir, generatedMs: 0, reused: true };
  }
  const startedAt = performance.now();
  const fonts = vietnameseFonts();
  const filler = fillerSentences(seedsDir);
  const random = seededRandom(seed);
  mkdirSync(join(dir, 'pdf'), { recursive: true });
  mkdirSync(join(dir, 'docx'), { recursive: true });
  const reports: GeneratedReport[] = [];
  let plantedSoFar = 0;
  for (let index = 0; index < n; index++) {
    const format = index % 2 === 0 ? 'pdf' : 'docx';
    const plantKind = random() < 0.1 ? PLANT_ORDER[plantedSoFar++ % PLANT_ORDER.length] : undefined;
    const plan = planReport(random, filler, plantKind);
    const file = `${format}/bao-cao-${String(index + 1).padStart(5, '0')}.${format}`;
    const bytes = format === 'pdf' ? await renderPdf(plan.blocks, fonts) : await renderDocx(plan.blocks);
    writeFileSync(join(dir, file), bytes);
    reports.push({ file, format, ...(plan.planted ? { planted: plan.planted } : {}) });
    if ((index + 1) % 100 === 0) options.log?.(`generated ${index + 1}/${n}`);
  }
  const corpus: Corpus = { dir, seed, reports };
  writeFileSync(manifestPath, `${JSON.stringify(corpus, null, 1)}\n`);
  return { ...corpus, generatedMs: performance.now() - startedAt, reused: false };
}
