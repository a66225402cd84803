import type { Block, LineStart, SourceDocument } from '../model/index.ts';
import { IngestError } from '../model/errors.ts';
import { beginsWithMarker, classifyLine, startsNewBlock } from './line-structure.ts';
import { findTextTables, tableBlockFromLines } from './text-tables.ts';

export interface FileInfo {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * Plain text arrives as UTF-8 (with or without BOM), UTF-16 with a BOM, or as 8-bit bytes from a
 * legacy editor. Bytes that are not valid UTF-8 are read as Windows-1252 so that TCVN3/VNI text keeps
 * one character per byte, which is what the legacy decoders in src/normalize expect.
 */
export function decodeTextBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

interface SourceLine {
  text: string;
  line: number;
}

/**
 * Seeds and many hand-exported texts are hard-wrapped: a sentence runs over several lines, often with a
 * blank line after every line. Lines are regrouped into blocks so that "Tiếp nhận: 31" and "hồ sơ" on the
 * next line stay one statement, while every block keeps the line each of its pieces came from.
 */
export function readText(bytes: Uint8Array, info: FileInfo): SourceDocument {
  const text = decodeTextBytes(bytes);
  const lines: SourceLine[] = text.split(/\r\n|\r|\n/).map((lineText, index) => ({ text: lineText, line: index + 1 }));
  const nonEmpty = lines.filter((line) => line.text.trim() !== '');
  if (nonEmpty.length === 0) {
    throw new IngestError('empty', 'Tệp văn bản không có nội dung; hãy kiểm tra lại tệp và gửi bản có nội dung báo cáo.');
  }
  const blankLinesAreWrapping = blankLinesSeparateMostLines(lines);
  // Word's "Save as text" and portal exports write one paragraph per line: nothing to rejoin there, and a short
  // title line must not be glued to the sentence after it.
  const oneParagraphPerLine = !blankLinesAreWrapping && !isHardWrapped(nonEmpty);
  const blocks: Block[] = [];
  let pending: SourceLine[] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push(blockFromLines(pending));
    pending = [];
  };
  // Tables typed as text are found on the raw lines, where their columns' positions are still exact.
  const tables = findTextTables(lines);
  let nextTable = 0;
  for (let index = 0; index < lines.length; index++) {
    const table = tables[nextTable];
    if (table && index === table.first) {
      flush();
      blocks.push(tableBlockFromLines(table, lines));
      index = table.last;
      nextTable++;
      continue;
    }
    const line = lines[index]!;
    if (line.text.trim() === '') {
      if (!blankLinesAreWrapping) flush();
      continue;
    }
    const previous = pending[pending.length - 1];
    // A line that is only a short number is a page number left by the PDF this text came from: it stays in
    // the text, but on its own, so it never glues onto the sentence around it.
    const pageNumberLike = /^\s*\d{1,3}\s*$/u.test(line.text);
    if (previous && (oneParagraphPerLine || pageNumberLike || /^\s*\d{1,3}\s*$/u.test(previous.text) || startsNewBlock(previous.text, line.text))) flush();
    pending.push(line);
  }
  flush();
  return {
    source: { path: info.path, format: 'txt', sha256: info.sha256, bytes: info.bytes },
    blocks,
    notes: [],
  };
}

/**
 * A hard-wrapped text breaks sentences across lines, so many lines begin in lower case mid-sentence (38–61 % of
 * the seeds' lines); a text with one paragraph per line almost never does (list items "a)" aside).
 */
function isHardWrapped(lines: readonly SourceLine[]): boolean {
  if (lines.length < 10) return true;
  let continuations = 0;
  for (let index = 1; index < lines.length; index++) {
    const text = lines[index]!.text.trim();
    if (/^\p{Ll}/u.test(text) && !beginsWithMarker(text)) continuations++;
  }
  return continuations / lines.length >= 0.05;
}

/** True when blank lines follow most text lines, i.e. they are an artefact of extraction, not paragraph breaks. */
function blankLinesSeparateMostLines(lines: SourceLine[]): boolean {
  let textLines = 0;
  let followedByBlank = 0;
  for (let index = 0; index < lines.length - 1; index++) {
    if (lines[index]!.text.trim() === '') continue;
    textLines++;
    if (lines[index + 1]!.text.trim() === '') followedByBlank++;
  }
  return textLines > 3 && followedByBlank / textLines > 0.6;
}

function blockFromLines(lines: SourceLine[]): Block {
  let text = '';
  const lineStarts: LineStart[] = [];
  for (const line of lines) {
    const piece = line.text.trim();
    if (text !== '') text += ' ';
    lineStarts.push({ start: text.length, line: line.line });
    text += piece;
  }
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const location = { line: first.line, ...(last.line !== first.line ? { endLine: last.line } : {}) };
  const shape = classifyLine(text);
  const common = { text, location, ...(lineStarts.length > 1 ? { lineStarts } : {}) };
  if (shape.kind === 'heading') return { kind: 'heading', level: shape.level, ...common };
  if (shape.kind === 'list-item') {
    return { kind: 'list-item', level: shape.level, marker: shape.marker, ordered: shape.ordered, ...common };
  }
  return { kind: 'paragraph', ...common };
}
