/**
 * Builds the hostile-input corpus in fixtures/bad/ (`npx tsx scripts/make-bad-fixtures.ts`).
 *
 * Every file is something an inbox really receives, made small: a PDF of thousands of pages shares
 * one content stream, a "huge" image is declared huge with a tiny stream, the zip bombs are a few
 * hundred KB at most. fixtures/bad/README.md lists each file with the status and finding it must
 * get. The outputs are committed; tests never run this. Symlink loops and odd folder names are made
 * by the tests at run time, since git does not carry them well.
 *
 * Deterministic: a seeded PRNG for the garbling, fixed dates in the zips, qpdf's static id and AES IV. Needs `qpdf` (encryption
 * and object streams) only.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import JSZip from 'jszip';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'fixtures/reports');
const outDir = path.join(root, 'fixtures/bad');
const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

function write(name: string, bytes: Uint8Array | string): void {
  fs.writeFileSync(path.join(outDir, name), bytes);
}

function seed(name: string): Buffer {
  return fs.readFileSync(path.join(reports, name));
}

/** mulberry32: the same garbling on every rebuild. */
function prng(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function garble(bytes: Buffer, fraction: number, seedValue: number, skipHead = 0): Buffer {
  const copy = Buffer.from(bytes);
  const random = prng(seedValue);
  const count = Math.floor(copy.length * fraction);
  for (let i = 0; i < count; i++) {
    const at = skipHead + Math.floor(random() * (copy.length - skipHead));
    copy[at] = Math.floor(random() * 256);
  }
  return copy;
}

function qpdf(args: string[]): void {
  const result = spawnSync('qpdf', args, { encoding: 'utf8' });
  // qpdf exits 3 for warnings, which a deliberately odd input may give.
  if (result.status !== 0 && result.status !== 3) throw new Error(`qpdf ${args.join(' ')}: ${result.stderr}`);
}

// ---------------------------------------------------------------------------------------------
// A minimal PDF writer: objects in order, a classic xref table.

function pdf(objects: string[], trailerExtra = ''): Buffer {
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function stream(dictionary: string, data: Buffer | string): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return `<< ${dictionary} /Length ${bytes.length} >>\nstream\n${bytes.toString('latin1')}\nendstream`;
}

const PAGE_TEXT = 'BT /F1 12 Tf 72 720 Td (BAO CAO ket qua thuc hien De an 06: 12 thon, 5388 ho.) Tj ET';
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** `pages` pages in a balanced tree, all drawing the same content stream. */
function manyPagesPdf(pages: number): Buffer {
  // 1 catalog, 2 root Pages, 3 content, 4 font, then intermediate nodes of 100 kids, then the pages.
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', stream('', PAGE_TEXT), FONT];
  const groups = Math.ceil(pages / 100);
  const firstGroup = objects.length + 1;
  const firstPage = firstGroup + groups;
  for (let g = 0; g < groups; g++) {
    const kids: string[] = [];
    const count = Math.min(100, pages - g * 100);
    for (let k = 0; k < count; k++) kids.push(`${firstPage + g * 100 + k} 0 R`);
    objects.push(`<< /Type /Pages /Parent 2 0 R /Count ${count} /Kids [${kids.join(' ')}] >>`);
  }
  for (let p = 0; p < pages; p++) {
    objects.push(`<< /Type /Page /Parent ${firstGroup + Math.floor(p / 100)} 0 R /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>`);
  }
  objects[1] = `<< /Type /Pages /Count ${pages} /MediaBox [0 0 595 842] /Kids [${Array.from({ length: groups }, (_, g) => `${firstGroup + g} 0 R`).join(' ')}] >>`;
  return pdf(objects);
}

/** One real page whose page tree claims far more. */
function lyingPageCountPdf(claimed: number): Buffer {
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${claimed} /MediaBox [0 0 595 842] /Kids [3 0 R] >>`,
    '<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream('', PAGE_TEXT),
    FONT,
  ]);
}

/** A text page that also paints an image declared 100 000 × 100 000 RGB (30 GB) from a 1 KB stream. */
function hugeImagePdf(withText: boolean): Buffer {
  const content = `q 500 0 0 700 50 70 cm /Im1 Do Q${withText ? ` ${PAGE_TEXT}` : ''}`;
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /MediaBox [0 0 595 842] /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>',
    stream('', content),
    FONT,
    stream(
      '/Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode',
      deflateSync(Buffer.alloc(64 * 1024, 0x80)),
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------
// A minimal zip writer, so that the bombs can state whatever sizes they like.

interface RawEntry {
  name: string;
  /** Already compressed when method is 8. */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** What the headers claim; the truth for an honest entry. */
  declaredSize: number;
}

function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5821, 12); // 2024-01-01
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(Math.min(entry.declaredSize, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5821, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(Math.min(entry.declaredSize, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function honest(name: string, content: Buffer): RawEntry {
  return { name, data: deflateRawSync(content), method: 8, crc: crc32(content), declaredSize: content.length };
}

/** The parts of a real report, as a raw entry list (so a bomb can be added beside them). */
async function partsOf(docx: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(docx);
  const parts = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async('nodebuffer'));
  return parts;
}

async function zipOf(parts: Map<string, Buffer | string>): Promise<Buffer> {
  const zip = new JSZip();
  // No implicit folder entries: they would carry today's date and break byte-for-byte rebuilds.
  for (const [name, content] of parts) zip.file(name, content, { date: FIXED_DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/**
 * Raw deflate of `total` bytes of `fill`, chunk by chunk: each chunk is compressed on its own and
 * ends with a sync flush (no final bit), so their concatenation is one valid stream that never
 * needed the whole content in memory.
 */
function deflateRepeated(fill: Buffer, total: number): { data: Buffer; crc: number } {
  const pieces: Buffer[] = [];
  let crc = 0;
  let written = 0;
  while (written < total) {
    const chunk = fill.subarray(0, Math.min(fill.length, total - written));
    crc = crc32(chunk, crc);
    written += chunk.length;
    pieces.push(deflateRawSync(chunk, { level: 9, finishFlush: written < total ? zlibConstants.Z_SYNC_FLUSH : zlibConstants.Z_FINISH }));
  }
  return { data: Buffer.concat(pieces), crc };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'solieu-bad-'));
  try {
    // Truncated and garbled PDFs.
    const pdf000 = seed('seed-000.pdf');
    const pdf001 = seed('seed-001.pdf');
    write('truncated-header-only.pdf', pdf000.subarray(0, 1024));
    write('truncated-half.pdf', pdf001.subarray(0, Math.floor(pdf001.length / 2)));
    write('garbled-light.pdf', garble(pdf000, 0.001, 1, 64));
    write('garbled-heavy.pdf', garble(pdf001, 0.05, 2, 16));
    write('no-eof-trailer.pdf', pdf000.subarray(0, pdf000.lastIndexOf('startxref')));

    // Encrypted PDFs: a user password (cannot open) and an owner password only (opens, restricted).
    const plain = path.join(tmp, 'plain.pdf');
    fs.writeFileSync(plain, seed('seed-003.pdf'));
    qpdf(['--static-id', '--static-aes-iv', '--encrypt', 'matkhau', 'chusohuu', '128', '--use-aes=y', '--', plain, path.join(outDir, 'encrypted-user-password.pdf')]);
    qpdf(['--static-id', '--static-aes-iv', '--encrypt', '', 'chusohuu', '128', '--use-aes=y', '--print=none', '--modify=none', '--', plain, path.join(outDir, 'encrypted-owner-only.pdf')]);

    // Thousands of pages, small because they share one stream and sit in object streams.
    const many = path.join(tmp, 'many.pdf');
    fs.writeFileSync(many, manyPagesPdf(3000));
    qpdf(['--static-id', '--object-streams=generate', '--compress-streams=y', many, path.join(outDir, 'pages-3000.pdf')]);
    write('pages-claims-million.pdf', lyingPageCountPdf(1_000_000));
    write('huge-image-with-text.pdf', hugeImagePdf(true));
    write('huge-image-only.pdf', hugeImagePdf(false));

    // DOCX zip bombs and broken containers, built from a real report.
    const docx000 = seed('seed-000.docx');
    const parts = await partsOf(docx000);
    const realEntries = [...parts].map(([name, content]) => honest(name, content));
    // Honest bomb: the directory says 3 GB, which is refused before anything is inflated.
    const bombStream = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20));
    write(
      'zip-bomb-declared.docx',
      rawZip([...realEntries, { name: 'customXml/item1.xml', data: bombStream, method: 8, crc: 0, declaredSize: 3 * 1024 ** 3 }]),
    );
    // Lying bomb: the directory says 1 KB, the stream inflates to 400 MB of spaces.
    const lying = deflateRepeated(Buffer.alloc(16 * 1024 * 1024, 0x20), 400 * 1024 * 1024);
    write('zip-bomb-lying.docx', rawZip([...realEntries, { name: 'customXml/item1.xml', data: lying.data, method: 8, crc: lying.crc, declaredSize: 1024 }]));

    // 100 000 nested elements in the main part: mammoth reads XML recursively.
    const documentXml = parts.get('word/document.xml')!.toString('utf8');
    const depth = 100_000;
    const nested = `${'<w:sdt><w:sdtContent>'.repeat(depth / 2)}<w:p><w:r><w:t>12 thôn</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(depth / 2)}`;
    const deep = new Map(parts);
    deep.set('word/document.xml', Buffer.from(documentXml.replace('<w:body>', `<w:body>${nested}`), 'utf8'));
    write('deep-nesting.docx', await zipOf(deep));

    const withoutDocument = new Map(parts);
    withoutDocument.delete('word/document.xml');
    write('missing-document-part.docx', await zipOf(withoutDocument));
    const withoutStyles = new Map(parts);
    withoutStyles.delete('word/styles.xml');
    withoutStyles.delete('word/numbering.xml');
    write('missing-styles.docx', await zipOf(withoutStyles));
    const badTypes = new Map(parts);
    badTypes.set('[Content_Types].xml', Buffer.from('<Types><Default Extension="xml" ContentType="image/png"/>', 'utf8'));
    write('wrong-content-types.docx', await zipOf(badTypes));
    const asSpreadsheet = new Map(parts);
    asSpreadsheet.set(
      '[Content_Types].xml',
      Buffer.from(
        parts
          .get('[Content_Types].xml')!
          .toString('utf8')
          .replace(/application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml/, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
        'utf8',
      ),
    );
    write('main-part-typed-as-excel.docx', await zipOf(asSpreadsheet));
    write('truncated.docx', docx000.subarray(0, Math.floor(docx000.length * 0.6)));
    write('garbled.docx', garble(docx000, 0.01, 3, 4));
    write('broken-xml.docx', await zipOf(new Map([...parts, ['word/document.xml', Buffer.from(documentXml.slice(0, documentXml.length / 2), 'utf8')]])));

    // Extensions that lie: the magic bytes decide.
    write('docx-named-pdf.pdf', seed('seed-001.docx'));
    write('pdf-named-docx.docx', seed('seed-003.pdf'));
    write('pdf-named-txt.txt', seed('seed-003.pdf'));
    write('text-named-pdf.pdf', seed('seed-003.txt'));
    write('png-named-pdf.pdf', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), garble(Buffer.alloc(2048), 1, 4)]));
    write('rtf-named-docx.docx', '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}} BAO CAO 12 thon\\par}');

    // Empty files.
    write('empty.pdf', '');
    write('empty.docx', '');
    write('empty.txt', '');
    write('whitespace-only.txt', ' \n\t\n   \r\n');

    // Text that is not Vietnamese, or not text.
    write('english.txt', 'PROGRESS REPORT\nThe commune has 12 villages and 5,388 households; 92% of dossiers were handled online.\n');
    write('chinese.txt', '工作报告\n本乡共有12个村，5388户，完成率92%。\n');
    // "Отчет: 12 сел, 5388 домов" in Windows-1251, which is not UTF-8 and is read as Windows-1252.
    write('russian-cp1251.txt', Buffer.concat([Buffer.from('cef2f7e5f2', 'hex'), Buffer.from(': 12 '), Buffer.from('f1e5eb', 'hex'), Buffer.from(', 5388 '), Buffer.from('e4eeeceee2', 'hex'), Buffer.from('\n')]));
    write('utf16-vietnamese.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Báo cáo: toàn xã có 12 thôn, 5.388 hộ.\n', 'utf16le')]));
    const junk = Buffer.alloc(8192);
    const random = prng(5);
    for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(random() * 256);
    write('binary-junk.txt', junk);
    write('binary-junk.pdf', junk);
    write('binary-junk.docx', junk);
    write('nul-bytes.txt', Buffer.alloc(4096));

    // Extremely long lines: one 1 MB line full of numbers, and 300 KB without a single space.
    const sentence = 'Tiếp nhận 6.065/6588 hồ sơ = 92%, 12 thôn, 5.388 hộ; ';
    write('long-line-numbers.txt', sentence.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(sentence))));
    write('long-line-no-spaces.txt', '1.2'.repeat(100_000));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
