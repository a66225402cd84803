/**
 * Builds the sample reports in fixtures/reports/ from the five seed texts (`npm run fixtures`).
 *
 * The seeds are text that was extracted from real PDFs: hard-wrapped lines, page numbers and
 * flattened tables. This script rebuilds each one as the Word file it once was (paragraphs,
 * headings, "-"/"+" lists, real tables, a running header and a page-number footer), exports it to
 * PDF with LibreOffice, and derives the awkward variants a province actually receives: legacy
 * TCVN3/VNI encodings, a scan without a text layer, and broken files. fixtures/README.md lists
 * every output. Tests never run this: its outputs are committed.
 *
 * Needs: soffice, pdftoppm, pdftotext, pdffonts, pdfinfo, qpdf, fix-qdf, img2pdf, ImageMagick
 * `convert`, and Debian's /usr/bin/python3 with fontTools (scripts/make-legacy-fonts.py).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { ISectionOptions } from 'docx';
import JSZip from 'jszip';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(REPO, 'fixtures', 'reports');
const SEEDS_DIR = process.env.SOLIEU_SEEDS ?? path.resolve(REPO, '..', 'shared', 'seeds');
const DEBIAN_PYTHON = '/usr/bin/python3';

// ---------------------------------------------------------------------------------------------
// Legacy encodings
// ---------------------------------------------------------------------------------------------

/**
 * TCVN 5712:1993 bytes 0xA0–0xFF as published in XFree86's xc/lib/X11/lcUniConv/tcvn.h
 * (table `tcvn_2uni_2`, rows 0xA0–0xF0; GNU libiconv ships the same table as lib/tcvn.h).
 * That table is VN1, the full set. TCVN3 (".VnTime" fonts, the ABC keyboard) is its VN3 subset:
 * lower-case letters plus the seven untoned capitals Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7. The VN1-only
 * positions (toned capitals, and combining marks at 0xB0–0xB4) have no glyph in a VN3 font.
 */
const TCVN5712_A0_FF: readonly number[] = [
  /* 0xa0 */ 0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110,
  /* 0xa8 */ 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0,
  /* 0xb0 */ 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3,
  /* 0xb8 */ 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4,
  /* 0xc0 */ 0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7,
  /* 0xc8 */ 0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd,
  /* 0xd0 */ 0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec,
  /* 0xd8 */ 0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2,
  /* 0xe0 */ 0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7,
  /* 0xe8 */ 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9,
  /* 0xf0 */ 0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef,
  /* 0xf8 */ 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
];

/** Unicode letter → TCVN3 byte, for the VN3 repertoire only. */
const TCVN3_BYTE_OF: ReadonlyMap<string, number> = (() => {
  const table = new Map<string, number>();
  TCVN5712_A0_FF.forEach((codePoint, index) => {
    const byte = 0xa0 + index;
    const char = String.fromCodePoint(codePoint);
    const isUntonedCapital = byte >= 0xa1 && byte <= 0xa7;
    const isLowerLetter = char !== char.toUpperCase() && /\p{Ll}/u.test(char);
    if (isUntonedCapital || isLowerLetter) table.set(char, byte);
  });
  if (table.size !== 74) throw new Error(`TCVN3 table has ${table.size} letters, expected 67 + 7`);
  return table;
})();

/**
 * Word stores an 8-bit ".VnTime" document as the Windows-1252 reading of its bytes, so 0xAD
 * ("ư") becomes U+00AD, the soft hyphen. LibreOffice never draws a soft hyphen, so the copy that
 * is exported to PDF carries this private-use stand-in instead; the PDF's ToUnicode map is then
 * patched back to U+00AD (see patchPdf).
 */
const SOFT_HYPHEN = '\u00ad';
const SOFT_HYPHEN_STAND_IN = '\ue0ad';

/**
 * VNI-Windows as published in xvnkb's vni.h (Dao Hai Lam, VISC, 2002): for each base letter
 * A Â Ă E Ê O Ô Ơ U Ư I Y Đ the plain form, then acute, grave, hook above, tilde, dot below
 * (the order of xvnkb's utf.h). VNI writes a vowel as an ASCII letter followed by a mark byte.
 */
const VNI_ROWS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['A', ['A', 'AÙ', 'AØ', 'AÛ', 'AÕ', 'AÏ']],
  ['Â', ['AÂ', 'AÁ', 'AÀ', 'AÅ', 'AÃ', 'AÄ']],
  ['Ă', ['AÊ', 'AÉ', 'AÈ', 'AÚ', 'AÜ', 'AË']],
  ['E', ['E', 'EÙ', 'EØ', 'EÛ', 'EÕ', 'EÏ']],
  ['Ê', ['EÂ', 'EÁ', 'EÀ', 'EÅ', 'EÃ', 'EÄ']],
  ['O', ['O', 'OÙ', 'OØ', 'OÛ', 'OÕ', 'OÏ']],
  ['Ô', ['OÂ', 'OÁ', 'OÀ', 'OÅ', 'OÃ', 'OÄ']],
  ['Ơ', ['Ô', 'ÔÙ', 'ÔØ', 'ÔÛ', 'ÔÕ', 'ÔÏ']],
  ['U', ['U', 'UÙ', 'UØ', 'UÛ', 'UÕ', 'UÏ']],
  ['Ư', ['Ö', 'ÖÙ', 'ÖØ', 'ÖÛ', 'ÖÕ', 'ÖÏ']],
  ['I', ['I', 'Í', 'Ì', 'Æ', 'Ó', 'Ò']],
  ['Y', ['Y', 'YÙ', 'YØ', 'YÛ', 'YÕ', 'Î']],
  ['Đ', ['Ñ']],
  ['a', ['a', 'aù', 'aø', 'aû', 'aõ', 'aï']],
  ['â', ['aâ', 'aá', 'aà', 'aå', 'aã', 'aä']],
  ['ă', ['aê', 'aé', 'aè', 'aú', 'aü', 'aë']],
  ['e', ['e', 'eù', 'eø', 'eû', 'eõ', 'eï']],
  ['ê', ['eâ', 'eá', 'eà', 'eå', 'eã', 'eä']],
  ['o', ['o', 'où', 'oø', 'oû', 'oõ', 'oï']],
  ['ô', ['oâ', 'oá', 'oà', 'oå', 'oã', 'oä']],
  ['ơ', ['ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï']],
  ['u', ['u', 'uù', 'uø', 'uû', 'uõ', 'uï']],
  ['ư', ['ö', 'öù', 'öø', 'öû', 'öõ', 'öï']],
  ['i', ['i', 'í', 'ì', 'æ', 'ó', 'ò']],
  ['y', ['y', 'yù', 'yø', 'yû', 'yõ', 'î']],
  ['đ', ['ñ']],
];
const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

const VNI_OF: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  for (const [base, forms] of VNI_ROWS) {
    forms.forEach((form, tone) => table.set((base + TONE_MARKS[tone]).normalize('NFC'), form));
  }
  return table;
})();

type FontGlyphEntry = { code: number; glyphOf: string } | { code: number; marksOf: string; over: string };

/**
 * What the stand-in VNI-Times font must draw for each byte: standalone letters (ô = ơ, ñ = đ …)
 * and zero-width marks that sit on the letter before them (ù = acute, á = circumflex + acute …).
 */
function vniFontEntries(): FontGlyphEntry[] {
  const entries = new Map<number, FontGlyphEntry>();
  const add = (entry: FontGlyphEntry): void => {
    const known = entries.get(entry.code);
    if (known && JSON.stringify(known) !== JSON.stringify(entry)) {
      throw new Error(`VNI byte 0x${entry.code.toString(16)} would need two glyphs: ${JSON.stringify(known)} / ${JSON.stringify(entry)}`);
    }
    entries.set(entry.code, entry);
  };
  for (const [base, forms] of VNI_ROWS) {
    const upper = base === base.toUpperCase();
    const carrier = upper ? 'A' : 'a';
    // A mark byte carries the vowel's circumflex or breve along with the tone; horns live in ô/ö.
    const modifier = /[ÂÊÔâêô]/u.test(base) ? '\u0302' : /[Ăă]/u.test(base) ? '\u0306' : '';
    forms.forEach((form, tone) => {
      const [letter, mark] = [...form];
      const toned = (base + TONE_MARKS[tone]).normalize('NFC');
      if (letter !== undefined && letter.charCodeAt(0) > 0x7f) add({ code: letter.charCodeAt(0), glyphOf: mark ? base : toned });
      if (mark !== undefined) add({ code: mark.charCodeAt(0), marksOf: (carrier + modifier + TONE_MARKS[tone]).normalize('NFC'), over: carrier });
    });
  }
  return [...entries.values()].sort((a, b) => a.code - b.code);
}

function tcvn3FontEntries(uppercaseFont: boolean): FontGlyphEntry[] {
  const entries: FontGlyphEntry[] = [];
  for (const [char, byte] of TCVN3_BYTE_OF) entries.push({ code: byte, glyphOf: uppercaseFont ? char.toUpperCase() : char });
  entries.push({ code: SOFT_HYPHEN_STAND_IN.charCodeAt(0), glyphOf: uppercaseFont ? 'Ư' : 'ư' });
  if (uppercaseFont) {
    // .VnTimeH draws every letter as a capital, whatever case was typed.
    for (let code = 0x61; code <= 0x7a; code++) entries.push({ code, glyphOf: String.fromCharCode(code).toUpperCase() });
  }
  return entries;
}

type Encoding = 'unicode' | 'tcvn3' | 'vni';
interface EncodedRun {
  text: string;
  font: string;
}

const UNICODE_FONT = 'Times New Roman';

function isAllCaps(text: string): boolean {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length < 4) return false;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  return upper / letters.length >= 0.85;
}

/**
 * Encodes one paragraph's text. TCVN3 has no toned capitals: typists set capitals in the
 * ".VnTimeH" font, which draws the lower-case codes as capitals. A heading written in capitals is
 * set in .VnTimeH as a whole; a lone toned capital inside ordinary text gets a .VnTimeH run.
 */
function encodeText(text: string, encoding: Encoding, forPdf = false): EncodedRun[] {
  if (encoding === 'unicode') return [{ text, font: UNICODE_FONT }];
  if (encoding === 'vni') {
    const encoded = [...text].map((c) => (c.charCodeAt(0) < 0x80 ? c : VNI_OF.get(c) ?? c)).join('');
    return [{ text: encoded, font: 'VNI-Times' }];
  }
  const paragraphFont = isAllCaps(text) ? '.VnTimeH' : '.VnTime';
  const runs: EncodedRun[] = [];
  const push = (chunk: string, font: string): void => {
    const last = runs.at(-1);
    if (last && last.font === font) last.text += chunk;
    else runs.push({ text: chunk, font });
  };
  for (const char of text) {
    const direct = TCVN3_BYTE_OF.get(char);
    const lowerFallback = TCVN3_BYTE_OF.get(char.toLowerCase());
    let chunk = char;
    let font = paragraphFont;
    if (char.charCodeAt(0) < 0x80) chunk = char;
    else if (direct !== undefined) chunk = String.fromCharCode(direct);
    else if (lowerFallback !== undefined) {
      chunk = String.fromCharCode(lowerFallback);
      font = '.VnTimeH';
    }
    if (forPdf) chunk = chunk.replaceAll(SOFT_HYPHEN, SOFT_HYPHEN_STAND_IN);
    push(chunk, font);
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// From seed lines to document blocks
// ---------------------------------------------------------------------------------------------

type Role = 'title' | 'subtitle' | 'h1' | 'h2' | 'h3' | 'bullet' | 'subbullet' | 'body';

interface CellParagraph {
  text: string;
  /** Footnote reference written as superscript after the text, e.g. "13.176" + "1". */
  superscript?: string;
  align?: 'left' | 'center' | 'justify';
  bold?: boolean;
  italics?: boolean;
  /** Half-points. */
  size?: number;
  spaceBefore?: number;
}

interface Cell {
  paragraphs: CellParagraph[];
  columnSpan?: number;
}

interface TableModel {
  /** Relative column widths. */
  columns: number[];
  headerRows: number;
  borderless: boolean;
  rows: Cell[][];
}

type Block =
  | { kind: 'paragraph'; role: Role; text: string; pageBreakBefore?: boolean }
  | { kind: 'table'; table: TableModel }
  | { kind: 'section'; landscape: boolean };

interface TableMatch {
  start: number;
  /** Exclusive. */
  end: number;
  table: TableModel;
}
type TableRule = (lines: readonly string[]) => TableMatch;

interface SeedSpec {
  id: string;
  header: string;
  footer: 'Trang X' | 'X' | 'Trang X/Y';
  /** The document's own date, used for DOCX and PDF metadata so that rebuilds are byte-stable. */
  date: string;
  title: string;
  creator: string;
  /** Lines at the top that form the title block (first = title, the rest = subtitle). */
  titleLines: number;
  tables: TableRule[];
  pageBreakBefore?: RegExp[];
  landscape?: { from: RegExp; to: RegExp };
  /** Seed 002's extraction wrote "ƣ" for "ư"; a Word file has it right. */
  fixOi?: boolean;
}

function findLine(lines: readonly string[], test: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) if (test.test(lines[i] ?? '')) return i;
  throw new Error(`seed layout: no line matches ${test} after line ${from}; did the seed change?`);
}

function at(lines: readonly string[], index: number): string {
  const line = lines[index];
  if (line === undefined) throw new Error(`seed layout: line ${index} is out of range`);
  return line;
}

const plain = (text: string, extra: Omit<CellParagraph, 'text'> = {}): CellParagraph => ({ text, ...extra });

/** "Nơi nhận" on the left, the signature block on the right: how every Vietnamese report ends. */
function signatureTable(stopBefore?: RegExp): TableRule {
  return (lines) => {
    const start = findLine(lines, /^Nơi nhận:$/);
    const end = stopBefore ? findLine(lines, stopBefore, start) : lines.length;
    let lastRecipient = start;
    while ((lines[lastRecipient + 1] ?? '').startsWith('-')) lastRecipient++;
    const recipients = lines.slice(start + 1, lastRecipient + 1);
    const signature = lines.slice(lastRecipient + 1, end);
    const left: Cell = {
      paragraphs: [
        plain(at(lines, start), { bold: true, italics: true, size: 24, align: 'left' }),
        ...recipients.map((l) => plain(l, { size: 22, align: 'left' })),
      ],
    };
    const right: Cell = {
      paragraphs: signature.map((l, i) => {
        const isName = i === signature.length - 1 && !isAllCaps(l);
        return plain(l, { bold: true, align: 'center', spaceBefore: isName ? 1400 : 0 });
      }),
    };
    return { start, end, table: { columns: [45, 55], headerRows: 0, borderless: true, rows: [[left, right]] } };
  };
}

/** Seed 001: the task counts, one label and one figure per row. */
const taskCountTable: TableRule = (lines) => {
  const start = findLine(lines, /^- Tổng số nhiệm vụ được giao/);
  let end = start;
  while (/^- Tổng số nhiệm vụ/.test(lines[end] ?? '')) end++;
  const rows = lines.slice(start, end).map((line) => {
    const match = /^(.*:)\s*(\S+)$/.exec(line);
    if (!match?.[1] || !match[2]) throw new Error(`seed 001: cannot split task line "${line}"`);
    return [{ paragraphs: [plain(match[1])] }, { paragraphs: [plain(match[2], { align: 'center' })] }];
  });
  return { start, end, table: { columns: [80, 20], headerRows: 0, borderless: false, rows } };
};

/** Seed 002: "Phụ lục 1", the inspection teams, flattened into lines by the PDF extraction. */
const inspectionTeamsTable: TableRule = (lines) => {
  const start = findLine(lines, /^STT Đoàn kiểm tra /);
  const end = findLine(lines, /^Phụ lục 2$/, start);
  const header = /^(STT) (Đoàn kiểm tra) (Cơ quan, đơn vị thuộc Đoàn kiểm tra) (Cơ quan, đơn vị, .+)$/.exec(at(lines, start));
  if (!header) throw new Error('seed 002: unexpected Phụ lục 1 header');
  const headerRow: Cell[] = header.slice(1).map((text) => ({ paragraphs: [plain(text, { bold: true, align: 'center' })] }));
  const rows: Cell[][] = [headerRow];
  let i = start + 1;
  while (i < end) {
    const number = at(lines, i);
    if (!/^\d+$/.test(number)) throw new Error(`seed 002: expected a team number, got "${number}"`);
    const team = [at(lines, i + 1), at(lines, i + 2)].join(' ');
    const membersStart = i + 3;
    const targetsStart = findLine(lines, /^- Các cơ quan/, membersStart);
    let next = targetsStart;
    while (next < end && !/^\d+$/.test(at(lines, next))) next++;
    const targets: string[][] = [];
    for (const line of lines.slice(targetsStart, next)) {
      if (/^- (Các cơ quan|UBND cấp xã)/.test(line) || targets.length === 0) targets.push([line]);
      else targets.at(-1)?.push(line);
    }
    rows.push([
      { paragraphs: [plain(number, { align: 'center' })] },
      { paragraphs: [plain(team, { align: 'center' })] },
      { paragraphs: [plain(lines.slice(membersStart, targetsStart).join(' '))] },
      { paragraphs: targets.map((t) => plain(t.join(' '))) },
    ]);
    i = next;
  }
  return { start, end, table: { columns: [6, 14, 36, 44], headerRows: 1, borderless: false, rows } };
};

/** Seed 003: received / returned / on time, one row per procedure. */
const procedureBreakdownTable: TableRule = (lines) => {
  const start = findLine(lines, /^- Số lượng hồ sơ đăng ký lần đầu/);
  const end = findLine(lines, /^2\.3\./, start);
  const groups: string[][] = [];
  for (const line of lines.slice(start, end)) {
    if (line.startsWith('-')) groups.push([line]);
    else groups.at(-1)?.push(line);
  }
  const rows = groups.map((group) => {
    if (group.length !== 3) throw new Error(`seed 003: a procedure block has ${group.length} lines: ${group.join(' | ')}`);
    return group.map((line) => ({ paragraphs: [plain(line, { size: 24, align: 'left' as const })] }));
  });
  return { start, end, table: { columns: [46, 27, 27], headerRows: 0, borderless: false, rows } };
};

/** Seed 004: digitisation ratios per year, under two group rows. */
const digitisationByYearTable: TableRule = (lines) => {
  const start = findLine(lines, /^\+ Số hoá đầu vào hồ sơ giải quyết TTHC:/);
  const end = findLine(lines, /^Năm 2023: 6\.646\/6\.715/, start) + 1;
  const rows: Cell[][] = [];
  for (const line of lines.slice(start, end)) {
    const year = /^(Năm \d{4}:)\s*(.*)$/.exec(line);
    if (line.startsWith('+')) rows.push([{ paragraphs: [plain(line, { bold: true })], columnSpan: 2 }]);
    else if (year?.[1] && year[2] !== undefined) rows.push([{ paragraphs: [plain(year[1])] }, { paragraphs: [plain(year[2])] }]);
    else {
      const lastCell = rows.at(-1)?.at(-1)?.paragraphs.at(-1);
      if (!lastCell) throw new Error(`seed 004: stray line in the yearly table: "${line}"`);
      lastCell.text += ` ${line}`;
    }
  }
  return { start, end, table: { columns: [20, 80], headerRows: 0, borderless: false, rows } };
};

/** Seed 004, Phụ lục 4 part II: digitised dossiers per field, with footnote references. */
const digitisedFieldsTable: TableRule = (lines) => {
  const start = findLine(lines, /^STT Lĩnh vực Tên TTHC /);
  const end = findLine(lines, /^3 Người có công/, start) + 1;
  const first = /^(STT) (Lĩnh vực) (Tên TTHC) (.+)$/.exec(at(lines, start));
  if (!first?.[4]) throw new Error('seed 004: unexpected Phụ lục 4 header');
  const fourth = [first[4]];
  let i = start + 1;
  while (!/^Tỷ lệ thành phần/.test(at(lines, i))) fourth.push(at(lines, i++));
  const fifth: string[] = [];
  while (!/^\d+ /.test(at(lines, i))) fifth.push(at(lines, i++));
  const header = [first[1], first[2], first[3], fourth.join(' '), fifth.join(' ')];
  const rows: Cell[][] = [header.map((text) => ({ paragraphs: [plain(text ?? '', { bold: true, align: 'center', size: 24 })] }))];
  for (const line of lines.slice(i, end)) {
    const match = /^(\d+) (.+?)\s{2,}(\S+) (\S+)$/.exec(line);
    if (!match?.[1] || !match[2] || !match[3] || !match[4]) throw new Error(`seed 004: cannot split row "${line}"`);
    const withFootnote = (value: string, pattern: RegExp): CellParagraph => {
      const note = pattern.exec(value);
      return note?.[1] && note[2] ? plain(note[1], { superscript: note[2], align: 'center', size: 24 }) : plain(value, { align: 'center', size: 24 });
    };
    rows.push([
      { paragraphs: [plain(match[1], { align: 'center', size: 24 })] },
      { paragraphs: [plain(match[2], { size: 24 })] },
      { paragraphs: [plain('', { size: 24 })] },
      { paragraphs: [withFootnote(match[3], /^(.*\.\d{3})(\d)$/)] },
      { paragraphs: [withFootnote(match[4], /^(\d+%)(\d)$/)] },
    ]);
  }
  return { start, end, table: { columns: [8, 24, 18, 25, 25], headerRows: 1, borderless: false, rows } };
};

const SEEDS: readonly SeedSpec[] = [
  {
    id: '000',
    header: 'UBND xã Sơn Tây Hạ – Sơ kết Đề án 06 giai đoạn 2022 - 2025',
    footer: 'Trang X',
    date: '2025-08-04T08:00:00Z',
    title: 'Sơ kết kết quả triển khai, thực hiện Đề án 06 giai đoạn 2022 - 2025',
    creator: 'UBND xã Sơn Tây Hạ',
    titleLines: 1,
    tables: [signatureTable()],
  },
  {
    id: '001',
    header: 'UBND xã Giai Xuân – Báo cáo sơ kết Đề án 06/CP',
    footer: 'X',
    date: '2025-08-05T08:00:00Z',
    title: 'Báo cáo sơ kết kết quả triển khai, thực hiện Đề án 06/CP giai đoạn 2022 - 2025',
    creator: 'UBND xã Giai Xuân',
    titleLines: 3,
    tables: [taskCountTable, signatureTable()],
  },
  {
    id: '002',
    header: 'Tổ công tác Đề án 06 huyện Quảng Xƣơng – Kế hoạch kiểm tra năm 2023',
    footer: 'Trang X/Y',
    date: '2023-07-25T08:00:00Z',
    title: 'Kế hoạch kiểm tra kết quả thực hiện Đề án 06 năm 2023',
    creator: 'Tổ công tác Đề án 06 huyện Quảng Xƣơng',
    titleLines: 5,
    tables: [signatureTable(/^Phụ lục 1$/), inspectionTeamsTable],
    landscape: { from: /^Phụ lục 1$/, to: /^Phụ lục 2$/ },
    fixOi: true,
  },
  {
    id: '003',
    header: 'UBND xã Giai Phạm – Báo cáo Đề án 06',
    footer: 'Trang X',
    date: '2023-05-10T08:00:00Z',
    title: 'Báo cáo tình hình thực hiện Đề án 06',
    creator: 'UBND xã Giai Phạm',
    titleLines: 4,
    tables: [procedureBreakdownTable, signatureTable()],
  },
  {
    id: '004',
    header: 'UBND phường Giếng Đáy – Báo cáo 01 năm tháo gỡ “điểm nghẽn” Đề án 06',
    footer: 'X',
    date: '2024-04-22T08:00:00Z',
    title: 'Báo cáo tình hình, kết quả 01 năm tháo gỡ “điểm nghẽn” trong triển khai Đề án 06',
    creator: 'UBND phường Giếng Đáy',
    titleLines: 4,
    tables: [digitisationByYearTable, signatureTable(/^PHỤ LỤC$/), digitisedFieldsTable],
    pageBreakBefore: [/^PHỤ LỤC$/],
  },
];

const MARKER = new RegExp(
  [
    String.raw`^[IVX]+\.\s?\S`, // I. II. …
    String.raw`^\d{1,2}\.(?!\d)`, // 1.  2.Kết quả
    String.raw`^\d{1,2}\.\d{1,2}\.?(?=\s|\p{L})`, // 2.1.  3.1 Phục vụ (not 6.065/6588)
    String.raw`^\(\d+\)`, // (1)
    String.raw`^[a-zđ]\)`, // a)  b)Về
    String.raw`^[-+]`, // - and + lists
    String.raw`^\*\)`, // *) Đối với …
    String.raw`^[A-Z]-\s`, // A- ĐỀ CƯƠNG
  ].join('|'),
  'u',
);

/** PDF-extracted lines are hard-wrapped; a line well short of the measure ended its paragraph. */
function shortLineLimit(lines: readonly string[]): number {
  const lengths = lines.map((l) => [...l].length).sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length * 0.8)] ?? 80;
  return Math.round(typical * 0.72);
}

function joinIntoParagraphs(lines: readonly string[], shortLimit: number): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    const previous = current.at(-1);
    if (previous !== undefined) {
      const endsClause = /[.:;]$/.test(previous);
      const wrappedCaps = isAllCaps(previous) && isAllCaps(line);
      const isShort = [...previous].length < shortLimit && !wrappedCaps;
      // Capitals are wide: a heading in capitals fills the measure early, and never runs on in lower case.
      const capsThenLower = isAllCaps(previous) && !isAllCaps(line);
      // New sentences and paragraphs start with a capital or a marker; a lower-case start is a wrap.
      const continuesLower = /^\p{Ll}/u.test(line);
      if (MARKER.test(line) || capsThenLower || ((endsClause || isShort) && !continuesLower)) {
        paragraphs.push(current);
        current = [];
      }
    }
    current.push(line);
  }
  if (current.length) paragraphs.push(current);
  return paragraphs;
}

function looksLikeTitle(text: string, limit: number): boolean {
  if (text.includes(';')) return false;
  if (text.length <= 75 && !/\.\s/.test(text.replace(/^\d+(\.\d+)*\.?\s?/, ''))) return true;
  return text.length <= limit && !/[.;:,]$/.test(text);
}

function roleOf(text: string): Role {
  if (/^[IVX]+\.\s?\S/.test(text)) return isAllCaps(text) ? 'h1' : 'h2';
  if (/^\d{1,2}\.\d{1,2}\.?(?=\s|\p{L})/u.test(text)) return looksLikeTitle(text, 120) ? 'h3' : 'body';
  if (/^\d{1,2}\.(?!\d)/.test(text)) return looksLikeTitle(text, 120) ? 'h2' : 'body';
  if (text.startsWith('-')) return 'bullet';
  if (text.startsWith('+')) return 'subbullet';
  if (isAllCaps(text) && text.split(/\s+/).length >= 2 && !/^\d/.test(text)) return 'title';
  return 'body';
}

function seedLines(seedText: string): string[] {
  return seedText
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

function buildBlocks(spec: SeedSpec, lines: readonly string[]): Block[] {
  const matches = spec.tables.map((rule) => rule(lines)).sort((a, b) => a.start - b.start);
  matches.forEach((m, i) => {
    const next = matches[i + 1];
    if (next && next.start < m.end) throw new Error(`seed ${spec.id}: tables overlap`);
  });
  const shortLimit = shortLineLimit(lines);
  const blocks: Block[] = [];
  const [title, ...subtitle] = lines.slice(0, spec.titleLines);
  if (title !== undefined) blocks.push({ kind: 'paragraph', role: 'title', text: title });
  if (subtitle.length) blocks.push({ kind: 'paragraph', role: 'subtitle', text: subtitle.join(' ') });

  const landscapeFrom = spec.landscape ? findLine(lines, spec.landscape.from) : -1;
  const landscapeTo = spec.landscape ? findLine(lines, spec.landscape.to, landscapeFrom) : -1;
  const pushText = (from: number, to: number): void => {
    // Section changes split a run of text so that paragraphs never straddle them.
    const cuts = [from, ...[landscapeFrom, landscapeTo].filter((c) => c > from && c < to), to];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k] ?? from;
      const b = cuts[k + 1] ?? to;
      if (a === landscapeFrom) blocks.push({ kind: 'section', landscape: true });
      if (a === landscapeTo) blocks.push({ kind: 'section', landscape: false });
      for (const paragraph of joinIntoParagraphs(lines.slice(a, b), shortLimit)) {
        const text = paragraph.join(' ');
        const pageBreakBefore = spec.pageBreakBefore?.some((re) => re.test(text)) ?? false;
        blocks.push({ kind: 'paragraph', role: roleOf(text), text, pageBreakBefore });
      }
    }
  };
  let cursor = spec.titleLines;
  for (const match of matches) {
    pushText(cursor, match.start);
    blocks.push({ kind: 'table', table: match.table });
    cursor = match.end;
  }
  pushText(cursor, lines.length);
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// DOCX
// ---------------------------------------------------------------------------------------------

const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134, header: 567, footer: 567 };
const BODY_SIZE = 26; // 13 pt, the size Nghị định 30/2020 prescribes for the body of official documents
const FIRST_LINE_INDENT = 567; // 1 cm

interface DocxVariant {
  encoding: Encoding;
  /** Keep seed 002's "ƣ" (the PDF variant) instead of writing "ư". */
  keepOi?: boolean;
  /** Build the copy LibreOffice converts: soft hyphens replaced by the stand-in. */
  forPdf?: boolean;
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  superScript?: boolean;
}

function makeRuns(text: string, variant: DocxVariant, style: RunStyle = {}): TextRun[] {
  return encodeText(text, variant.encoding, variant.forPdf).map((run) => new TextRun({ text: run.text, font: run.font, ...style }));
}

function baseFont(encoding: Encoding): string {
  return encoding === 'unicode' ? UNICODE_FONT : encoding === 'tcvn3' ? '.VnTime' : 'VNI-Times';
}

function paragraphFor(block: Extract<Block, { kind: 'paragraph' }>, variant: DocxVariant): Paragraph {
  const runs = (text: string, style: RunStyle = {}): TextRun[] => makeRuns(text, variant, style);
  const common = { pageBreakBefore: block.pageBreakBefore };
  switch (block.role) {
    case 'title':
      return new Paragraph({ ...common, alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true, children: runs(block.text, { bold: true, size: 28 }) });
    case 'subtitle':
      return new Paragraph({ ...common, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: runs(block.text, { bold: true }) });
    case 'h1':
      return new Paragraph({ ...common, heading: HeadingLevel.HEADING_1, children: runs(block.text) });
    case 'h2':
      return new Paragraph({ ...common, heading: HeadingLevel.HEADING_2, children: runs(block.text) });
    case 'h3':
      return new Paragraph({ ...common, heading: HeadingLevel.HEADING_3, children: runs(block.text) });
    case 'bullet':
    case 'subbullet':
      return new Paragraph({
        ...common,
        alignment: AlignmentType.JUSTIFIED,
        numbering: { reference: 'dash-plus', level: block.role === 'bullet' ? 0 : 1 },
        children: runs(block.text.replace(/^[-+]\s*/, '')),
      });
    case 'body':
      return new Paragraph({ ...common, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE_INDENT }, children: runs(block.text) });
  }
}

function tableFor(model: TableModel, variant: DocxVariant, textWidth: number): Table {
  const total = model.columns.reduce((a, b) => a + b, 0);
  const widths = model.columns.map((c) => Math.round((c / total) * textWidth));
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = model.borderless
    ? TableBorders.NONE
    : { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    rows: model.rows.map((cells, rowIndex) => {
      let column = 0;
      return new TableRow({
        // Set only when on: Word omits these flags otherwise, and mammoth reads a present
        // <w:tblHeader w:val="off"/> as a header row.
        ...(rowIndex < model.headerRows ? { tableHeader: true } : {}),
        // A signature block is kept in one piece, as Word users do by hand.
        ...(model.borderless ? { cantSplit: true } : {}),
        children: cells.map((cell) => {
          const span = cell.columnSpan ?? 1;
          const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
          column += span;
          return new TableCell({
            columnSpan: span,
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlign.TOP,
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            children: cell.paragraphs.map(
              (p) =>
                new Paragraph({
                  alignment: alignment[p.align ?? 'justify'],
                  spacing: { before: p.spaceBefore ?? 0, after: 0, line: 264 },
                  children: [
                    ...makeRuns(p.text, variant, { bold: p.bold, italics: p.italics, size: p.size }),
                    ...(p.superscript ? makeRuns(p.superscript, variant, { size: p.size, superScript: true }) : []),
                  ],
                }),
            ),
          });
        }),
      });
    }),
  });
}

function headerFooter(spec: SeedSpec, variant: DocxVariant, headerText: string): Pick<ISectionOptions, 'headers' | 'footers'> {
  const font = baseFont(variant.encoding);
  const pageField =
    spec.footer === 'X'
      ? [PageNumber.CURRENT]
      : spec.footer === 'Trang X'
        ? ['Trang ', PageNumber.CURRENT]
        : ['Trang ', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES];
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } },
            children: makeRuns(headerText, variant, { italics: true, size: 20 }),
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: pageField, font, size: 22 })] })],
      }),
    },
  };
}

async function buildDocx(spec: SeedSpec, blocks: readonly Block[], variant: DocxVariant): Promise<Buffer> {
  const oi = (text: string): string => (spec.fixOi && !variant.keepOi ? text.replaceAll('ƣ', 'ư').replaceAll('Ƣ', 'Ư') : text);
  const font = baseFont(variant.encoding);
  const sections: ISectionOptions[] = [];
  let children: (Paragraph | Table)[] = [];
  let landscape = false;
  const closeSection = (): void => {
    if (!children.length) return;
    const page = landscape
      ? { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: { ...MARGIN, left: 1134, right: 1134 } }
      : { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: MARGIN };
    sections.push({ properties: { page }, ...headerFooter(spec, variant, oi(spec.header)), children });
    children = [];
  };
  for (const block of blocks) {
    if (block.kind === 'section') {
      closeSection();
      landscape = block.landscape;
    } else if (block.kind === 'paragraph') {
      children.push(paragraphFor({ ...block, text: oi(block.text) }, variant));
    } else {
      const textWidth = landscape ? A4.height - 2 * 1134 : A4.width - MARGIN.left - MARGIN.right;
      const table = {
        ...block.table,
        rows: block.table.rows.map((r) => r.map((c) => ({ ...c, paragraphs: c.paragraphs.map((p) => ({ ...p, text: oi(p.text), superscript: p.superscript })) }))),
      };
      children.push(tableFor(table, variant, textWidth));
      // Word needs a paragraph between a table and what follows; an empty one adds no text.
      children.push(new Paragraph({ children: [] }));
    }
  }
  closeSection();

  const heading = (size: number) => ({
    run: { font, size, bold: true, color: '000000' },
    paragraph: { spacing: { before: 120, after: 60 }, keepNext: true, indent: { firstLine: FIRST_LINE_INDENT } },
  });
  const document = new Document({
    creator: oi(spec.creator),
    lastModifiedBy: oi(spec.creator),
    title: oi(spec.title),
    revision: 1,
    styles: {
      default: {
        document: { run: { font, size: BODY_SIZE }, paragraph: { spacing: { after: 60, line: 288 } } },
        heading1: heading(BODY_SIZE),
        heading2: heading(BODY_SIZE),
        heading3: { ...heading(BODY_SIZE), run: { font, size: BODY_SIZE, bold: true, italics: true, color: '000000' } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'dash-plus',
          levels: [0, 1].map((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: level === 0 ? '-' : '+',
            alignment: AlignmentType.LEFT,
            suffix: LevelSuffix.SPACE,
            style: { paragraph: { indent: { left: 0, firstLine: FIRST_LINE_INDENT } }, run: { font } },
          })),
        },
      ],
    },
    sections,
  });
  return deterministicZip(await Packer.toBuffer(document), spec.date);
}

/** docx stamps "now" into docProps/core.xml and the zip entries; pin both to the document's date. */
async function deterministicZip(buffer: Buffer, isoDate: string): Promise<Buffer> {
  const date = new Date(isoDate);
  const source = await JSZip.loadAsync(buffer);
  const target = new JSZip();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name];
    if (!entry || entry.dir) continue;
    let content: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = Buffer.from(content)
        .toString('utf8')
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${isoDate.replace(/\.\d+Z$/, 'Z')}$2`);
    }
    target.file(name, content, { date, createFolders: false });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
}

// ---------------------------------------------------------------------------------------------
// External tools
// ---------------------------------------------------------------------------------------------

function run(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: Buffer; okCodes?: number[] } = {}): Buffer {
  const result = spawnSync(command, args, { env: options.env ?? process.env, cwd: options.cwd, input: options.input, maxBuffer: 256 * 1024 * 1024, timeout: 15 * 60 * 1000 });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  const ok = options.okCodes ?? [0];
  if (!ok.includes(result.status ?? -1)) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${result.stderr.toString()}`);
  }
  return result.stdout;
}

function which(tool: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${tool}`]);
  const found = result.stdout.toString().trim();
  return result.status === 0 && found ? found : undefined;
}

interface Tools {
  convert: string;
}

function checkTools(): Tools {
  const needed: Record<string, string> = {
    soffice: 'libreoffice-writer',
    pdftoppm: 'poppler-utils',
    pdftotext: 'poppler-utils',
    pdffonts: 'poppler-utils',
    pdfinfo: 'poppler-utils',
    qpdf: 'qpdf',
    'fix-qdf': 'qpdf',
    img2pdf: 'img2pdf',
    'fc-match': 'fontconfig',
  };
  const missing = Object.entries(needed)
    .filter(([tool]) => !which(tool))
    .map(([tool, pkg]) => `${tool} (apt-get install ${pkg})`);
  // /usr/local/bin/convert on the sandbox is a stand-in that defers to the real one when present.
  const convert = fs.existsSync('/usr/bin/convert') ? '/usr/bin/convert' : which('convert');
  if (!convert) missing.push('convert (apt-get install imagemagick)');
  const fontTools = spawnSync(DEBIAN_PYTHON, ['-c', 'import fontTools']);
  if (fontTools.status !== 0) missing.push(`${DEBIAN_PYTHON} with fontTools (apt-get install python3-fonttools)`);
  if (missing.length) throw new Error(`make-fixtures: missing tools:\n  ${missing.join('\n  ')}`);
  return { convert: convert ?? 'convert' };
}

function pdfText(file: string, extra: string[] = []): string {
  return run('pdftotext', [...extra, '-enc', 'UTF-8', file, '-']).toString('utf8');
}

function pdfPages(file: string): number {
  const info = run('pdfinfo', [file]).toString('utf8');
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (!match?.[1]) throw new Error(`pdfinfo: no page count for ${file}`);
  return Number(match[1]);
}

/** "D:20240422080000Z", PDF's date syntax. */
function pdfDate(isoDate: string): string {
  return `D:${isoDate.replace(/[-:T]/g, '').replace(/\.\d+Z$|Z$/, '')}Z`;
}

/**
 * Pins the dates and the /ID of a LibreOffice PDF so rebuilds are byte-stable, and, for the
 * TCVN3 export, maps the private-use stand-in of "ư" back to U+00AD in the ToUnicode CMap.
 */
function finishPdf(raw: string, target: string, isoDate: string, work: string, restoreSoftHyphen = false): void {
  const qdf = path.join(work, `${path.basename(target)}.qdf.pdf`);
  const edited = path.join(work, `${path.basename(target)}.edited.pdf`);
  const fixed = path.join(work, `${path.basename(target)}.fixed.pdf`);
  run('qpdf', ['--qdf', '--object-streams=disable', raw, qdf]);
  let bytes = fs.readFileSync(qdf).toString('latin1');
  const date = pdfDate(isoDate);
  bytes = bytes.replace(/\/(CreationDate|ModDate)\s*\(D:[^)]*\)/g, (_m, key: string) => `/${key}(${date})`);
  // LibreOffice's trailer checksum covers the export time; derive it from the pinned date instead.
  const checksum = createHash('md5').update(`${path.basename(target)} ${date}`).digest('hex').toUpperCase();
  bytes = bytes.replace(/\/DocChecksum\s*\/[0-9A-Fa-f]+/g, `/DocChecksum /${checksum}`);
  // LibreOffice's random /ID would seed qpdf's deterministic one; let qpdf derive it from content alone.
  bytes = bytes.replace(/\/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]/g, '');
  if (restoreSoftHyphen) {
    const standIn = /<e0ad>/gi;
    const count = (bytes.match(standIn) ?? []).length;
    if (count === 0) throw new Error(`${target}: no ToUnicode entry for the soft-hyphen stand-in; cannot restore U+00AD`);
    bytes = bytes.replace(standIn, '<00AD>');
  }
  fs.writeFileSync(edited, Buffer.from(bytes, 'latin1'));
  fs.writeFileSync(fixed, run('fix-qdf', [edited]));
  run('qpdf', ['--compress-streams=y', '--object-streams=generate', '--deterministic-id', fixed, target]);
}

// ---------------------------------------------------------------------------------------------
// The scan
// ---------------------------------------------------------------------------------------------

/** Where the signature block sits on a page, in points, from pdftotext's word boxes. */
function signatureBox(pdf: string, page: number): { x: number; y: number } | undefined {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']).toString('utf8');
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
  const anchor = words.find((w) => w[5] === 'TRƯỞNG') ?? words.find((w) => w[5] === 'TỊCH');
  if (!anchor) return undefined;
  return { x: (Number(anchor[1]) + Number(anchor[3])) / 2, y: Number(anchor[4]) };
}

function makeScan(sourcePdf: string, target: string, isoDate: string, work: string, tools: Tools): void {
  const dpi = 200;
  const dir = path.join(work, 'scan');
  fs.mkdirSync(dir, { recursive: true });
  run('pdftoppm', ['-r', String(dpi), '-gray', sourcePdf, path.join(dir, 'page')]);
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort();
  const angles = [0.35, -0.25, 0.45, -0.15, 0.3, -0.4, 0.2, -0.3];
  const jpegs: string[] = [];
  pages.forEach((page, index) => {
    const input = path.join(dir, page);
    const output = path.join(dir, page.replace(/\.pgm$/, '.jpg'));
    // One thread: ImageMagick's threaded noise is not reproducible even with -seed.
    const args = ['-limit', 'thread', '1', input, '-background', 'white', '-rotate', String(angles[index % angles.length])];
    // Rotation grows the canvas; crop back to A4 at the scan resolution.
    args.push('-gravity', 'center', '-crop', `${Math.round((8.27 * dpi))}x${Math.round(11.69 * dpi)}+0+0`, '+repage', '-gravity', 'northwest');
    if (index === pages.length - 1) {
      const box = signatureBox(sourcePdf, index + 1);
      if (box) {
        const scale = dpi / 72;
        const cx = Math.round(box.x * scale - 90);
        const cy = Math.round(box.y * scale + 180);
        const r = 150;
        args.push(
          '-fill', 'none', '-stroke', 'gray45', '-strokewidth', '7',
          '-draw', `circle ${cx},${cy} ${cx + r},${cy}`,
          '-strokewidth', '3', '-draw', `circle ${cx},${cy} ${cx + r - 24},${cy}`,
          '-fill', 'gray45', '-stroke', 'none',
          '-draw', `polygon ${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => {
            const radius = k % 2 === 0 ? 46 : 18;
            const angle = -Math.PI / 2 + (k * Math.PI) / 5;
            return `${Math.round(cx + radius * Math.cos(angle))},${Math.round(cy - 40 + radius * Math.sin(angle))}`;
          }).join(' ')}`,
          '-font', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '-pointsize', '22', '-draw', `text ${cx - 70},${cy + 40} 'GIAI PHẠM'`,
        );
      }
    }
    // Blurred sensor noise, greyish paper and a few specks; JPEG at scanner-default quality.
    args.push('-seed', String(1000 + index), '-attenuate', '0.6', '+noise', 'Gaussian', '-blur', '0x0.9', '+level', '4%,93%');
    args.push('-attenuate', '0.015', '+noise', 'Impulse', '-colorspace', 'Gray', '-type', 'Grayscale');
    args.push('-density', String(dpi), '-units', 'PixelsPerInch', '-quality', '35', output);
    run(tools.convert, args);
    jpegs.push(output);
  });
  const date = isoDate.replace(/\.\d+Z$/, 'Z');
  const assembled = path.join(dir, 'assembled.pdf');
  run('img2pdf', ['--creationdate', date, '--moddate', date, '--producer', 'Canon iR-ADV C3525', '-o', assembled, ...jpegs]);
  // img2pdf draws a random /ID; finishPdf pins it.
  finishPdf(assembled, target, isoDate, work);
}

// ---------------------------------------------------------------------------------------------
// Broken inputs
// ---------------------------------------------------------------------------------------------

/** Small deterministic generator (mulberry32) for the garbage in corrupt.pdf. */
function pseudoRandomBytes(count: number, seed: number): Buffer {
  let state = seed >>> 0;
  const bytes = Buffer.alloc(count);
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return bytes;
}

async function makeBadInputs(dir: string, work: string, realPdf: string, realDocx: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const onePage = path.join(work, 'one-page.pdf');
  run('qpdf', ['--empty', '--deterministic-id', '--pages', realPdf, '1', '--', onePage]);
  // AES-128 derives its key from the passwords and the (static) ID; with a static IV the bytes are
  // reproducible. AES-256 would draw a random file key. Fine for a fixture, never for real use.
  run('qpdf', ['--static-id', '--static-aes-iv', '--encrypt', 'solieu-user', 'solieu-owner', '128', '--use-aes=y', '--', onePage, path.join(dir, 'encrypted.pdf')]);

  fs.writeFileSync(path.join(dir, 'corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), pseudoRandomBytes(3000, 6)]));

  const real = fs.readFileSync(realPdf);
  fs.writeFileSync(path.join(dir, 'truncated.pdf'), real.subarray(0, Math.floor(real.length * 0.4)));
  fs.writeFileSync(path.join(dir, 'empty.pdf'), Buffer.alloc(0));

  const emptyDoc = new Document({ creator: 'UBND xã', revision: 1, sections: [{ children: [new Paragraph({ children: [] })] }] });
  fs.writeFileSync(path.join(dir, 'empty-text.docx'), await deterministicZip(await Packer.toBuffer(emptyDoc), '2024-01-15T08:00:00Z'));
  fs.copyFileSync(realDocx, path.join(dir, 'really-a-docx.pdf'));

  const notDocx = new JSZip();
  const date = new Date('2024-01-15T08:00:00Z');
  notDocx.file('ghi-chu.txt', 'Danh sách việc cần làm: tổng hợp số liệu Đề án 06 gửi Công an tỉnh trước ngày 15.\n', { date, createFolders: false });
  notDocx.file('so-lieu/bang-tong-hop.csv', 'xa,ho,nhan_khau\nSơn Tây Hạ,5388,21187\nGiai Xuân,3319,14140\n', { date, createFolders: false });
  fs.writeFileSync(path.join(dir, 'not-a-docx.docx'), await notDocx.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' }));
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function liberationSerif(style: 'Regular' | 'Bold'): string {
  const file = run('fc-match', ['-f', '%{file}', `Liberation Serif:style=${style}`]).toString('utf8').trim();
  if (!file || !/LiberationSerif/i.test(file)) throw new Error(`Liberation Serif ${style} not found (apt-get install fonts-liberation2)`);
  return file;
}

function buildLegacyFonts(work: string): string {
  const fontDir = path.join(work, 'fonts');
  fs.mkdirSync(fontDir, { recursive: true });
  const spec = {
    outDir: fontDir,
    base: { Regular: liberationSerif('Regular'), Bold: liberationSerif('Bold') },
    fonts: [
      { family: '.VnTime', fileStem: 'VnTime', map: tcvn3FontEntries(false) },
      { family: '.VnTimeH', fileStem: 'VnTimeH', map: tcvn3FontEntries(true) },
      { family: 'VNI-Times', fileStem: 'VNI-Times', map: vniFontEntries() },
    ],
  };
  const specFile = path.join(work, 'legacy-fonts.json');
  fs.writeFileSync(specFile, JSON.stringify(spec, null, 1));
  run(DEBIAN_PYTHON, [path.join(REPO, 'scripts', 'make-legacy-fonts.py'), specFile]);
  const config = path.join(work, 'fonts.conf');
  fs.writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${fontDir}</dir>\n  <cachedir>${path.join(work, 'fontconfig-cache')}</cachedir>\n</fontconfig>\n`,
  );
  const listed = run('fc-list', [':', 'family'], { env: { ...process.env, FONTCONFIG_FILE: config } }).toString('utf8');
  for (const family of ['.VnTime', '.VnTimeH', 'VNI\\-Times']) {
    if (!listed.split('\n').some((l) => l.trim() === family)) throw new Error(`fontconfig does not see the built font ${family}`);
  }
  return config;
}

function expectInText(file: string, text: string, needles: readonly string[]): void {
  for (const needle of needles) {
    if (!text.includes(needle)) throw new Error(`${path.relative(REPO, file)}: text layer lacks ${JSON.stringify(needle)}`);
  }
}

async function main(): Promise<void> {
  const tools = checkTools();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'solieu-fixtures-'));
  const convertDir = path.join(work, 'to-convert');
  const rawPdfDir = path.join(work, 'pdf');
  fs.mkdirSync(convertDir);
  fs.mkdirSync(rawPdfDir);
  try {
    fs.rmSync(OUT, { recursive: true, force: true });
    for (const sub of ['legacy', 'scan', 'bad']) fs.mkdirSync(path.join(OUT, sub), { recursive: true });

    const seedFiles = fs.readdirSync(SEEDS_DIR).filter((f) => /^\d{3}_.*\.txt$/.test(f));
    const seedText = new Map<string, string>();
    for (const spec of SEEDS) {
      const file = seedFiles.find((f) => f.startsWith(`${spec.id}_`));
      if (!file) throw new Error(`seed ${spec.id} not found in ${SEEDS_DIR}`);
      const bytes = fs.readFileSync(path.join(SEEDS_DIR, file));
      fs.writeFileSync(path.join(OUT, `seed-${spec.id}.txt`), bytes);
      seedText.set(spec.id, bytes.toString('utf8'));
    }

    const fontsConf = buildLegacyFonts(work);
    const conversions: { docx: string; target: string; date: string; restoreSoftHyphen?: boolean }[] = [];
    for (const spec of SEEDS) {
      const blocks = buildBlocks(spec, seedLines(seedText.get(spec.id) ?? ''));
      const docx = await buildDocx(spec, blocks, { encoding: 'unicode' });
      fs.writeFileSync(path.join(OUT, `seed-${spec.id}.docx`), docx);
      // seed-002.pdf keeps the extraction's "ƣ" so that its text layer shows the known defect.
      const forPdf = spec.fixOi ? await buildDocx(spec, blocks, { encoding: 'unicode', keepOi: true }) : docx;
      const name = `seed-${spec.id}`;
      fs.writeFileSync(path.join(convertDir, `${name}.docx`), forPdf);
      conversions.push({ docx: `${name}.docx`, target: path.join(OUT, `${name}.pdf`), date: spec.date });

      if (spec.id === '003' || spec.id === '001') {
        const encoding: Encoding = spec.id === '003' ? 'tcvn3' : 'vni';
        const legacyName = spec.id === '003' ? 'seed-003-tcvn3' : 'seed-001-vni';
        fs.writeFileSync(path.join(OUT, 'legacy', `${legacyName}.docx`), await buildDocx(spec, blocks, { encoding }));
        fs.writeFileSync(path.join(convertDir, `${legacyName}.docx`), await buildDocx(spec, blocks, { encoding, forPdf: true }));
        conversions.push({ docx: `${legacyName}.docx`, target: path.join(OUT, 'legacy', `${legacyName}.pdf`), date: spec.date, restoreSoftHyphen: encoding === 'tcvn3' });
      }
    }

    console.log(`make-fixtures: converting ${conversions.length} DOCX with LibreOffice…`);
    run(
      'soffice',
      [`-env:UserInstallation=file://${path.join(work, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', rawPdfDir, ...conversions.map((c) => path.join(convertDir, c.docx))],
      { env: { ...process.env, FONTCONFIG_FILE: fontsConf } },
    );
    for (const c of conversions) {
      const raw = path.join(rawPdfDir, c.docx.replace(/\.docx$/, '.pdf'));
      if (!fs.existsSync(raw)) throw new Error(`LibreOffice produced no PDF for ${c.docx}`);
      finishPdf(raw, c.target, c.date, work, c.restoreSoftHyphen);
    }

    // The outputs must show what they are for; fail here rather than in somebody's test.
    expectInText(path.join(OUT, 'seed-002.pdf'), pdfText(path.join(OUT, 'seed-002.pdf')), ['ƣ', 'Quảng Xƣơng']);
    const tcvnPdf = path.join(OUT, 'legacy', 'seed-003-tcvn3.pdf');
    expectInText(tcvnPdf, pdfText(tcvnPdf), ['B¸o c¸o', SOFT_HYPHEN]);
    expectInText(tcvnPdf, run('pdffonts', [tcvnPdf]).toString('utf8'), ['.VnTime']);
    const vniPdf = path.join(OUT, 'legacy', 'seed-001-vni.pdf');
    expectInText(vniPdf, pdfText(vniPdf), ['Baùo caùo']);
    expectInText(vniPdf, run('pdffonts', [vniPdf]).toString('utf8'), ['VNI-Times']);

    const scan = path.join(OUT, 'scan', 'seed-003-scan.pdf');
    makeScan(path.join(OUT, 'seed-003.pdf'), scan, SEEDS.find((s) => s.id === '003')?.date ?? '2023-05-10T08:00:00Z', work, tools);
    if (pdfText(scan).trim() !== '') throw new Error('the scan has a text layer');
    if (fs.statSync(scan).size > 1.5 * 1024 * 1024) console.warn(`make-fixtures: warning: the scan is ${fs.statSync(scan).size} bytes`);

    await makeBadInputs(path.join(OUT, 'bad'), work, path.join(OUT, 'seed-003.pdf'), path.join(OUT, 'seed-003.docx'));

    for (const file of listFiles(OUT)) {
      const size = fs.statSync(file).size;
      const isPdf = file.endsWith('.pdf') && !file.includes(`${path.sep}bad${path.sep}`);
      console.log(`${path.relative(REPO, file).padEnd(48)} ${String(size).padStart(8)} B${isPdf ? `  ${pdfPages(file)} pages` : ''}`);
    }
  } finally {
    if (process.env.KEEP_FIXTURE_TMP) console.log(`make-fixtures: intermediates kept in ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
