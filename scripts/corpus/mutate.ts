/**
 * For the planted-error harness: find one number in a document by the sentence (or table row) it sits in,
 * and change it, so that every producer renders the document with the error planted.
 *
 *   const location = locateNumber(model, { quote: 'Tổng số hồ sơ tiếp nhận: 9.120 hồ sơ', raw: '9.120' });
 *   const planted = replaceNumber(model, location, '9.220');
 *   await renderAll([{ id: 'c07-planted', model: planted }], outDir, ['txt', 'b.pdf']);
 *
 * A quote is compared with the document's TXT rendering after folding whitespace runs to one space, so a
 * table row reads as its cells separated by single spaces, and a letterhead row as "left right". A table row
 * quoted in source syntax ("| 2 | Xã Kỳ Sơn | 7.865 |") is also accepted.
 */
import type { SourceModel, TableBlock } from './source.ts';
import { foldWhitespace, listItemLine, twoColumnLine } from './txt.ts';

export { renderAll, type NamedModel, type WrittenFile } from './render-all.ts';

/** An editable piece of text in the model: the only places a number can be replaced. */
export type FieldRef =
  | { kind: 'text'; block: number }
  | { kind: 'two-column'; block: number; row: number; side: 'left' | 'right' }
  | { kind: 'cell'; block: number; row: number; col: number }
  | { kind: 'pipes-row'; block: number; row: number };

export interface NumberLocation {
  field: FieldRef;
  /** Offsets of the number in the field's text. */
  start: number;
  end: number;
  /** The number as it is written there. */
  raw: string;
  /** The source line it comes from, for messages. */
  line: number;
}

interface Segment {
  text: string;
  /** Undefined for text the renderers add (markers, padding, separators). */
  field?: FieldRef;
}

interface TextUnit {
  segments: Segment[];
  line: number;
  describe: string;
}

function tableUnits(table: TableBlock, block: number): TextUnit[] {
  return table.rows.map((row, rowIndex) => {
    if (table.style === 'pipes') return { segments: [{ text: row.raw, field: { kind: 'pipes-row', block, row: rowIndex } }], line: row.line, describe: `table row on line ${row.line}` };
    // Tabs and alignment padding all fold to one space, so a single space between cells folds the same way.
    const segments = row.cells.flatMap((cell, col): Segment[] => [...(col > 0 ? [{ text: ' ' }] : []), { text: cell.text, field: { kind: 'cell', block, row: rowIndex, col } }]);
    return { segments, line: row.line, describe: `table row on line ${row.line}` };
  });
}

/** Every paragraph and row of the TXT rendering, with where each of its characters comes from. */
function textUnits(model: SourceModel): TextUnit[] {
  return model.blocks.flatMap((block, index): TextUnit[] => {
    switch (block.kind) {
      case 'title':
      case 'heading':
      case 'paragraph':
        return [{ segments: [{ text: block.text, field: { kind: 'text', block: index } }], line: block.line, describe: `line ${block.line}` }];
      case 'list-item': {
        const prefix = listItemLine({ ...block, text: '' });
        return [{ segments: [{ text: `${prefix} ` }, { text: block.text, field: { kind: 'text', block: index } }], line: block.line, describe: `list item on line ${block.line}` }];
      }
      case 'two-column':
        return block.rows.map((row, rowIndex) => {
          const line = twoColumnLine(row);
          const gap = line.slice(row.left.length, line.length - row.right.length);
          return {
            segments: [
              { text: row.left, field: { kind: 'two-column', block: index, row: rowIndex, side: 'left' } },
              { text: gap },
              { text: row.right, field: { kind: 'two-column', block: index, row: rowIndex, side: 'right' } },
            ],
            line: row.line,
            describe: `${block.role} row on line ${row.line}`,
          };
        });
      case 'table':
        return tableUnits(block, index);
      case 'page-break':
        return [];
    }
  });
}

interface Folded {
  text: string;
  /** For each folded character: its segment and offset in that segment. */
  origin: { segment: number; offset: number }[];
}

function foldUnit(unit: TextUnit): Folded {
  let text = '';
  const origin: Folded['origin'] = [];
  let pendingSpace: { segment: number; offset: number } | undefined;
  unit.segments.forEach((segment, segmentIndex) => {
    [...segment.text].reduce((offset, char) => {
      if (/\s/u.test(char)) {
        if (text.length > 0) pendingSpace ??= { segment: segmentIndex, offset };
      } else {
        if (pendingSpace) {
          text += ' ';
          origin.push(pendingSpace);
          pendingSpace = undefined;
        }
        text += char;
        // Astral characters take two UTF-16 units; keep origin aligned with `text` indices.
        for (let i = 0; i < char.length; i++) origin.push({ segment: segmentIndex, offset: offset + i });
      }
      return offset + char.length;
    }, 0);
  });
  return { text, origin };
}

function occurrencesOf(needle: string, haystack: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

const DIGIT = /\p{Nd}/u;

/**
 * A number stands alone when it is not part of a longer one: "0" in "120", "050" in "1.050" and "47" in
 * "47,3%" are not occurrences; "6.065" in "6.065/6.588" is.
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (DIGIT.test(before) || DIGIT.test(after)) return false;
  if (/[.,]/u.test(before) && DIGIT.test(text[start - 2] ?? '') && DIGIT.test(text[start] ?? '')) return false;
  if (/[.,]/u.test(after) && DIGIT.test(text[end + 1] ?? '') && DIGIT.test(text[end - 1] ?? '')) return false;
  return true;
}

export function locateNumber(model: SourceModel, query: { quote: string; raw: string; occurrence?: number }): NumberLocation {
  const quote = foldWhitespace(query.quote.normalize('NFC'));
  const raw = foldWhitespace(query.raw.normalize('NFC'));
  if (!quote) throw new Error('empty quote');
  if (!raw) throw new Error('empty number');
  const units = textUnits(model).map((unit) => ({ unit, folded: foldUnit(unit) }));
  const find = (text: string): { unit: TextUnit; folded: Folded; at: number; text: string }[] =>
    units.flatMap(({ unit, folded }) => occurrencesOf(text, folded.text).map((at) => ({ unit, folded, at, text })));
  let hits = find(quote);
  // Writers quote table rows as the source writes them ("| 2 | Xã Kỳ Sơn | 7.865 |"); outside `pipes` tables the
  // TXT has no pipes, so try the row without them.
  if (hits.length === 0 && quote.includes('|')) hits = find(foldWhitespace(quote.replace(/\|/gu, ' ')));
  if (hits.length === 0) throw new Error(`quote not found in the document: ${JSON.stringify(query.quote)}`);
  if (hits.length > 1) throw new Error(`quote found ${hits.length} times (${[...new Set(hits.map((hit) => hit.unit.describe))].join(', ')}); quote more of the sentence: ${JSON.stringify(query.quote)}`);
  const { unit, folded, at, text: matched } = hits[0]!;
  const candidates = occurrencesOf(raw, folded.text).filter((start) => start >= at && start + raw.length <= at + matched.length && standsAlone(folded.text, start, start + raw.length));
  if (candidates.length === 0) throw new Error(`"${raw}" does not occur as a number of its own in the quote ${JSON.stringify(query.quote)} (${unit.describe})`);
  const occurrence = query.occurrence ?? (candidates.length === 1 ? 1 : undefined);
  if (occurrence === undefined) throw new Error(`"${raw}" occurs ${candidates.length} times in the quote ${JSON.stringify(query.quote)}; say which with occurrence (1-${candidates.length})`);
  if (!Number.isInteger(occurrence) || occurrence < 1 || occurrence > candidates.length) throw new Error(`occurrence ${occurrence} of "${raw}" asked for, the quote has ${candidates.length}`);
  const start = candidates[occurrence - 1]!;
  const first = folded.origin[start]!;
  const last = folded.origin[start + raw.length - 1]!;
  const segment = unit.segments[first.segment]!;
  if (first.segment !== last.segment || !segment.field) {
    throw new Error(`"${raw}" in ${unit.describe} is not inside one editable text (it is part of a list marker or spans two cells)`);
  }
  return { field: segment.field, start: first.offset, end: last.offset + 1, raw: segment.text.slice(first.offset, last.offset + 1), line: unit.line };
}

function fieldText(model: SourceModel, field: FieldRef): string {
  const block = model.blocks[field.block];
  switch (field.kind) {
    case 'text':
      if (block && (block.kind === 'title' || block.kind === 'heading' || block.kind === 'paragraph' || block.kind === 'list-item')) return block.text;
      break;
    case 'two-column':
      if (block?.kind === 'two-column' && block.rows[field.row]) return block.rows[field.row]![field.side];
      break;
    case 'cell':
      if (block?.kind === 'table' && block.rows[field.row]?.cells[field.col]) return block.rows[field.row]!.cells[field.col]!.text;
      break;
    case 'pipes-row':
      if (block?.kind === 'table' && block.rows[field.row]) return block.rows[field.row]!.raw;
      break;
  }
  throw new Error(`the location ${JSON.stringify(field)} does not exist in this model`);
}

/** A copy of the model with the located number replaced by `newRaw`; the model given is left unchanged. */
export function replaceNumber(model: SourceModel, location: NumberLocation, newRaw: string): SourceModel {
  const copy = structuredClone(model);
  const current = fieldText(copy, location.field);
  if (current.slice(location.start, location.end) !== location.raw) {
    throw new Error(`the text at the location reads ${JSON.stringify(current.slice(location.start, location.end))}, not ${JSON.stringify(location.raw)} (a location from another model?)`);
  }
  const replaced = current.slice(0, location.start) + newRaw.normalize('NFC') + current.slice(location.end);
  const { field } = location;
  const block = copy.blocks[field.block]!;
  if (field.kind === 'text' && (block.kind === 'title' || block.kind === 'heading' || block.kind === 'paragraph' || block.kind === 'list-item')) block.text = replaced;
  else if (field.kind === 'two-column' && block.kind === 'two-column') block.rows[field.row]![field.side] = replaced;
  else if (field.kind === 'cell' && block.kind === 'table') {
    const row = block.rows[field.row]!;
    row.cells[field.col]!.text = replaced;
    row.raw = `| ${row.cells.map((cell) => (cell.mergeMarker ?? cell.text)).join(' | ')} |`;
  } else if (field.kind === 'pipes-row' && block.kind === 'table') {
    // A pipes row prints as written; its cells follow the edited line.
    const row = block.rows[field.row]!;
    row.raw = replaced;
    const texts = replaced.trim().slice(1, -1).split('|').map((cell) => cell.trim());
    if (texts.length !== row.cells.length) throw new Error(`replacing "${location.raw}" with "${newRaw}" changes the number of cells on line ${location.line}`);
    row.cells.forEach((cell, col) => {
      if (!cell.coveredBy) cell.text = texts[col]!;
    });
  }
  return copy;
}
