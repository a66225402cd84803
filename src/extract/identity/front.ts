import type { Document, DocType, Location, TextBlock } from '../../model/index.ts';
import {
  ADDRESSEE, BULLET, DATELINE, DOCUMENT_NUMBER, HEADING, MOTTO, NEWS_DATE, PRESS_TAG, SIGNATURE_START, STATISTICS_CUES, TITLE_END, TITLE_WORDS,
  type LayoutPattern,
} from '../../../rules/identity/layout.ts';
import { BODY_HEADS, LETTERHEAD_LINE_HEADS, LEVEL_WORDS } from '../../../rules/identity/units.ts';
import { unitMentions } from './units.ts';

/**
 * The parts of a document that say who issued it, when and what it is, found by layout (rules/identity/layout.ts):
 * the letterhead, the title, the dateline, the opening of the body and the signature. Everything else about
 * identity is read from these parts first and from the body only when they are silent.
 */

/** One line of the document in reading order, with its place. `aside`: a letterhead table's right-hand column. */
export interface Line {
  text: string;
  location: Location;
  aside?: boolean;
  /** The cells of a table row, when the line is one. */
  cells?: readonly string[];
}

export interface FrontMatter {
  lines: Line[];
  /** The issuing body's lines, top to bottom, motto, number and dateline removed. */
  letterhead: Line[];
  /** The title: its type word's line (absent for a headline or a công văn's "V/v" line) and the lines saying what and when. */
  title?: { word?: Line; subject: Line[]; docType?: DocType };
  /** A news or portal page: its headline and date line, no letterhead. */
  headline?: Line;
  newsDate?: { date: string; line: Line };
  dateline?: { date: string; line: Line };
  documentNumber?: { value: string; line: Line };
  /** The first lines of the body, after the title and the addressee. */
  opening: Line[];
  /** Index in `lines` of the first body line. */
  bodyStart: number;
  /** From "Nơi nhận" / "TM." to the end. */
  signature: Line[];
  statisticsCue?: Line;
  pressTag?: Line;
}

export const compile = (pattern: LayoutPattern | string, flags = 'iu') => new RegExp(typeof pattern === 'string' ? pattern : pattern.pattern, flags);

const MOTTO_PATTERN = compile(MOTTO, 'giu');
const NUMBER_PATTERN = compile(DOCUMENT_NUMBER, 'u');
const DATELINE_PATTERN = compile(DATELINE);
const NEWS_DATE_PATTERN = compile(NEWS_DATE);
const PRESS_TAG_PATTERN = compile(PRESS_TAG, 'u');
const SIGNATURE_PATTERN = compile(SIGNATURE_START);
const TITLE_END_PATTERN = compile(TITLE_END);
const ADDRESSEE_PATTERN = compile(ADDRESSEE);
const HEADING_PATTERN = compile(HEADING, 'u');
const BULLET_PATTERN = compile(BULLET, 'u');
const TITLE_PATTERNS = TITLE_WORDS.map((word) => ({ ...word, regex: compile(word.pattern) }));
const STATISTICS_PATTERNS = STATISTICS_CUES.map((cue) => compile(cue));
/** "<Place>, ngày …" to the end of the line, and the number: what shares a letterhead's text line besides the motto. */
const PLACE_DATELINE = /(?:^|\s)[\p{L}.][\p{L}. ]{0,40},\s*ngày\b.*$/u;

/** How many lines from the top a letterhead, a title or a dateline may be found in. */
const HEAD_LINES = 16;

export function linesOf(document: Document): Line[] {
  const lines: Line[] = [];
  document.blocks.forEach((block, index) => {
    if (block.kind !== 'table') {
      for (const part of index < 4 ? layoutLines(block) : [{ text: block.text, location: block.location }]) {
        for (const text of part.text.split('\n')) if (text.trim()) lines.push({ text: text.trim(), location: part.location });
      }
      return;
    }
    if (index < 4 && isLetterheadTable(block.rows.map((row) => row.cells.map((cell) => cell.text)))) {
      // Issuer in the left column, motto and dateline in the right, the title word wherever the producer put it:
      // read the left column first (a wrapped name, "XÃ TÂN" / "LẬP", stays together), the right one as asides,
      // and the title word with whatever follows it in its column last, so that it runs into the body's title lines.
      const columns = Math.max(...block.rows.map((row) => row.cells.length));
      const issuer: Line[] = [];
      const asides: Line[] = [];
      const title: Line[] = [];
      for (let column = 0; column < columns; column++) {
        let inTitle = false;
        for (const row of block.rows) {
          const cell = row.cells[column];
          if (!cell?.text.trim()) continue;
          const text = cell.text.trim();
          inTitle ||= isTitleWordLine(text);
          const target = inTitle ? title : column === 0 ? issuer : asides;
          // A cell the column was too narrow for ("Bạc Liêu, ngày 14 tháng 10 năm" / "2024", "… ĐỀ ÁN" / "06").
          const previous = target.at(-1);
          if (previous && (/^[\p{Ll}\d]/u.test(text) || /\b(?:ngày|tháng|năm|đề án)$/iu.test(previous.text))) previous.text = `${previous.text} ${text}`;
          else target.push({ text, location: cell.location, ...(target === asides ? { aside: true } : {}) });
        }
      }
      lines.push(...issuer, ...asides, ...title);
      return;
    }
    for (const row of block.rows) {
      const cells = row.cells.map((cell) => cell.text.trim());
      if (cells.some(Boolean)) lines.push({ text: cells.filter(Boolean).join(' | '), location: row.location, cells });
    }
  });
  return lines;
}

/**
 * A reader that joins wrapped lines into paragraphs may also join the lines of a page's head: a headline, its date
 * line and the lead ("… tỉnh Điện Biên Thứ Năm, 02/10/2025 Sau ba tháng …"). Where a later source line of a block
 * near the top is a layout line of its own, the block is taken apart at its source lines again.
 */
function layoutLines(block: TextBlock): Array<{ text: string; location: Location }> {
  const starts = block.lineStarts ?? [];
  if (starts.length < 2) return [{ text: block.text, location: block.location }];
  const parts = starts.map((start, index) => ({
    text: block.text.slice(start.start, starts[index + 1]?.start ?? block.text.length).trim(),
    location: { ...(start.page !== undefined ? { page: start.page } : {}), line: start.line },
  }));
  const wholeLine = [NEWS_DATE_PATTERN, NUMBER_PATTERN, compile(MOTTO), ...STATISTICS_PATTERNS, ...TITLE_PATTERNS.map((word) => word.regex)];
  // Cut before a layout line, and after one that is a line of its own (a date line, a title word, a letterhead line in
  // capitals), so that the rest of a wrapped name or sentence stays in one piece.
  const cuts = new Set<number>();
  parts.forEach(({ text }, index) => {
    if (index === 0) return;
    const capitalLetterhead = text === text.toUpperCase() && isLetterheadLine(letterheadText(text), false);
    const whole = capitalLetterhead || wholeLine.some((pattern) => pattern.test(text));
    if (whole || PRESS_TAG_PATTERN.test(text) || (/^\p{Lu}/u.test(text) && TITLE_END_PATTERN.test(text))) cuts.add(index);
    if (whole) cuts.add(index + 1);
  });
  if (cuts.size === 0) return [{ text: block.text, location: block.location }];
  const pieces: Array<{ text: string; location: Location }> = [];
  parts.forEach((part, index) => {
    if (index === 0 || cuts.has(index)) pieces.push({ ...part });
    else pieces.at(-1)!.text += ` ${part.text}`;
  });
  return pieces;
}

function isLetterheadTable(rows: string[][]): boolean {
  const text = rows.flat().join('\n');
  return compile(MOTTO).test(text) || NUMBER_PATTERN.test(text) || DATELINE_PATTERN.test(text);
}

export function readFrontMatter(document: Document): FrontMatter {
  const lines = linesOf(document);
  const head = lines.slice(0, HEAD_LINES);

  // The title: the first line that opens with a type word.
  const titleIndex = head.findIndex((line) => !line.aside && isTitleWordLine(line.text));
  let title: FrontMatter['title'];
  let bodyStart = 0;
  if (titleIndex >= 0) {
    const word = head[titleIndex]!;
    const type = TITLE_PATTERNS.find((candidate) => candidate.regex.test(word.text))!;
    // "V/v …" and "KẾT LUẬN KIỂM TRA Việc …" carry their subject on the type word's own line.
    const subject: Line[] = [];
    const ownSubject = word.text.replace(type.regex, '').trim();
    if (ownSubject.length > 0 || type.docType === 'dispatch') subject.push(word);
    let index = titleIndex + 1;
    for (; index < lines.length && subject.length < 4; index++) {
      const line = lines[index]!;
      if (line.aside) continue;
      // A title wrapped onto a line of its own goes on in lower case ("Sơ kết kết quả triển khai," / "thực hiện Đề án
      // 06 giai đoạn 2022 - 2025"); the body begins with a capital ("Thực hiện Công văn số …").
      // A type word never stands alone: the line under it is the subject, even one that opens like a body ("KẾ
      // HOẠCH" / "Thực hiện Đề án 06 năm 2025").
      const first = subject.length === 0;
      if (first ? ADDRESSEE_PATTERN.test(line.text) || HEADING_PATTERN.test(line.text) : TITLE_END_PATTERN.test(line.text) && !/^\p{Ll}/u.test(line.text)) break;
      if (line.text.length > 240 || line.cells) break;
      if (type.docType === 'dispatch' && subject.length > 0 && !/^[\p{Ll}(]/u.test(line.text)) break;
      subject.push(line);
    }
    title = { word, subject, docType: type.docType };
    bodyStart = index;
  }

  // The letterhead: issuing-body lines above the title. A page without a title word (news, a portal's statistics)
  // may still name its issuer in a line of its own or before a dash: "UBND xã Yên Thành - Kết quả …".
  const letterhead: Line[] = [];
  const onlyLetterhead = new Set<Line>();
  const scan = titleIndex >= 0 ? head.slice(0, titleIndex) : head.slice(0, 3);
  for (const line of scan) {
    if (line.aside) continue;
    const text = letterheadText(titleIndex >= 0 ? line.text : firstSegment(line.text));
    if (!text) continue;
    if (isLetterheadLine(text, letterhead.length > 0)) {
      // The rest of a wrapped name continues the line above; any other line is a body of its own, and a name never
      // runs on into it ("UBND HUYỆN KỲ ANH" | "PHÒNG TƯ PHÁP").
      const previous = letterhead.at(-1);
      if (previous && !isLetterheadLine(text, false)) previous.text = `${previous.text} ${text}`;
      else letterhead.push({ ...line, text });
      if (text === letterheadText(line.text)) onlyLetterhead.add(line);
    } else if (letterhead.length > 0) break;
  }

  // A news or portal page: a headline over a date line or a press tag.
  let headline: Line | undefined;
  let newsDate: FrontMatter['newsDate'];
  let pressTag: Line | undefined;
  let statisticsCue: Line | undefined;
  for (const line of head.slice(0, 4)) {
    const date = NEWS_DATE_PATTERN.exec(line.text);
    if (date && !newsDate && line !== head[0]) newsDate = { date: isoDate(date[3]!, date[2]!, date[1]), line };
    if (!pressTag && PRESS_TAG_PATTERN.test(line.text) && line !== head[0]) pressTag = line;
    if (!statisticsCue && STATISTICS_PATTERNS.some((pattern) => pattern.test(line.text))) statisticsCue = line;
  }
  if (!title && head[0]) {
    // The headline is the first line that is not only a letterhead.
    headline = head.find((line) => !onlyLetterhead.has(line)) ?? head[0];
    title = { subject: [headline] };
    bodyStart = lines.indexOf(headline) + 1;
    while (bodyStart < lines.length && bodyStart < 4 && (lines[bodyStart] === newsDate?.line || isLetterheadLine(letterheadText(firstSegment(lines[bodyStart]!.text)), false) || STATISTICS_PATTERNS.some((pattern) => pattern.test(lines[bodyStart]!.text)))) bodyStart++;
  }

  // The number and the dateline: in the head, above the body.
  let documentNumber: FrontMatter['documentNumber'];
  let dateline: FrontMatter['dateline'];
  for (const line of lines.slice(0, bodyStart)) {
    const number = NUMBER_PATTERN.exec(line.text);
    if (number && !documentNumber) documentNumber = { value: number[1]!.replace(/\s+/g, ''), line };
    const date = DATELINE_PATTERN.exec(line.text);
    if (date && !dateline) dateline = { date: isoDate(date[3] ?? date[6]!, date[2] ?? date[5]!, date[1] ?? date[4]), line };
  }

  // The opening of the body: past the addressee (and the list of addressees), up to the first numbered heading
  // after some text.
  const opening: Line[] = [];
  for (let index = bodyStart; index < lines.length && opening.length < 4; index++) {
    const line = lines[index]!;
    if (line.aside || line === dateline?.line || line === documentNumber?.line || ADDRESSEE_PATTERN.test(line.text)) continue;
    if (opening.length === 0 && (BULLET_PATTERN.test(line.text) || HEADING_PATTERN.test(line.text))) continue;
    if (HEADING_PATTERN.test(line.text)) break;
    opening.push(line);
  }

  // The recipients and signature: from the first "Nơi nhận" / "TM." among the last lines.
  const last = Math.max(0, lines.length - 25);
  const signatureStart = lines.findIndex((line, index) => index >= last && SIGNATURE_PATTERN.test(line.text));
  const signature = signatureStart >= 0 ? lines.slice(signatureStart) : [];

  return {
    lines,
    letterhead,
    ...(title ? { title } : {}),
    ...(headline ? { headline } : {}),
    ...(newsDate ? { newsDate } : {}),
    ...(dateline ? { dateline } : {}),
    ...(documentNumber ? { documentNumber } : {}),
    opening,
    bodyStart,
    signature,
    ...(statisticsCue ? { statisticsCue } : {}),
    ...(pressTag ? { pressTag } : {}),
  };
}

/** The part of a page's line before a breadcrumb arrow or a dash: "Trang thông tin điện tử đặc khu Phú Quốc › Tin tức". */
function firstSegment(text: string): string {
  return text.split(/\s+[›>|]\s+|\s+[-–]\s+/u)[0]!;
}

/**
 * A title's type word stands apart: in capitals ("BÁO CÁO", "KẾT LUẬN KIỂM TRA Việc …") or opening a short line that
 * is no sentence, never as the first words of one ("Kết luận giao ban, đồng chí … đạt 84%."). A công văn's "V/v …"
 * line is its subject.
 */
function isTitleWordLine(text: string): boolean {
  const word = TITLE_PATTERNS.find((candidate) => candidate.regex.test(text));
  if (!word) return false;
  if (word.docType === 'dispatch') return true;
  const typeWord = word.regex.exec(text)![0];
  // In sentence case a title still reads as one: short, no sentence's end ("Báo cáo kết quả … tháng 9 năm 2025").
  return typeWord === typeWord.toUpperCase() || (/^\p{Lu}/u.test(text) && text.split(/\s+/).length <= 20 && !/[.:;,]$/u.test(text));
}

/** A letterhead line without what may share its text line: the motto, the number, the dateline. */
export function letterheadText(text: string): string {
  return text
    .replace(MOTTO_PATTERN, ' ')
    .replace(new RegExp(`${DOCUMENT_NUMBER.pattern}.*$`, 'u'), ' ')
    .replace(PLACE_DATELINE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LEVEL_STARTS = LEVEL_WORDS.flatMap((level) => [...level.words, ...level.abbreviations.map((abbreviation) => abbreviation.toLowerCase())]);

/**
 * A line of a letterhead: short, opening with an issuing body ("UBND", "CÔNG AN", "TỔ CÔNG TÁC …") or a level word
 * ("XÃ QUẢNG HÒA") and ending with the unit's name if it names one; or, below such a line, the rest of a name the
 * column was too narrow for ("LẬP").
 */
export function isLetterheadLine(text: string, continuing: boolean): boolean {
  if (!text) return false;
  const words = text.split(/\s+/);
  if (words.length > 12) return false;
  const lower = text.toLowerCase();
  const opensWithBody = [...BODY_HEADS, ...LETTERHEAD_LINE_HEADS].some((head) => lower.startsWith(`${head} `) || lower === head) && !/^(?:báo cáo|kế hoạch|thông báo|kết luận|bản tin|số:)/u.test(lower);
  const opensWithLevel = LEVEL_STARTS.some((start) => lower.startsWith(`${start} `) || lower.startsWith(start) && /[.]$/u.test(start));
  if (opensWithBody || opensWithLevel) {
    // A name, and nothing after it: "Xã Tân Thuận đưa Đề án 06 đến từng ấp" is a headline.
    const last = unitMentions(text).at(-1);
    return words.length <= 10 && !/[.;:]$/u.test(text) && (!last || !/\p{L}/u.test(text.slice(last.end)));
  }
  return continuing && text === text.toUpperCase() && /\p{Lu}/u.test(text) && words.length <= 8;
}

export function isoDate(year: string, month: string, day: string | undefined): string {
  return [year, month.padStart(2, '0'), ...(day ? [day.padStart(2, '0')] : [])].join('-');
}
