/**
 * Producer "a.docx": the document as Word itself would save it, built with the `docx` library.
 *
 * What matters for the tool under test is where the text lives: list markers are Word numbering (so they are
 * NOT in the runs), letterhead and signature are borderless tables, ruled/borderless tables are real tables
 * with gridSpan/vMerge merges and repeating header rows, `text` tables are tab-separated paragraphs with tab
 * stops, and a running header plus a PAGE field sit outside the body.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { ILevelsOptions, INumberingOptions } from 'docx';
import { pinZip, PINNED_DATE } from './determinism.ts';
import { fitTextTable, gridTableLayout, isCapitalised, isTotalRow, twoColumnLayout } from './layout.ts';
import type { Block, ListItemBlock, SourceModel, TableBlock, TwoColumnBlock } from './source.ts';
import { runningHeaderText } from './source.ts';
import { gridTexts, isNumericCell, textTableLayout } from './txt.ts';

const FONT = 'Times New Roman';
const BODY_SIZE = 26; // half-points: 13 pt, what Nghị định 30/2020 prescribes for official documents
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134, header: 567, footer: 567 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const FIRST_LINE = 567;
/** Letterhead and signature lines: 13 pt, down to 12 when that keeps a line from wrapping (below that, lines wrap as in real letterheads). */
const LETTERHEAD_SIZES = [13, 12.5, 12];
const TWIPS_PER_POINT = 20;

type NumberingConfig = INumberingOptions['config'][number];

/** Vietnamese lettered lists run a, b, c, d, đ, e, g, h …: no f, j, w, z. */
const VIETNAMESE_LETTERS = 'abcdđeghiklmnopqrstuvxy';

/** Whether `next` is the item after `previous` in the same list (any bullet follows a bullet). */
function follows(previous: ListItemBlock, next: ListItemBlock): boolean {
  const a = previous.marker;
  const b = next.marker;
  if (a.kind === 'bullet') return true;
  if (a.kind === 'lower-letter') {
    const latin = a.value !== undefined && b.value === a.value + 1;
    const vietnamese = VIETNAMESE_LETTERS.indexOf(b.letter ?? '') === VIETNAMESE_LETTERS.indexOf(a.letter ?? '') + 1;
    return latin || vietnamese;
  }
  return a.value !== undefined && b.value === a.value + 1;
}

/**
 * One numbering instance per run of sibling list items (same level, same parent, same marker kind), so that
 * a nested "a) b)" under item 2 restarts at "a" while the outer "1. 2. 3." keeps counting across its children,
 * and a list after a paragraph starts afresh. Returns, per list-item block index, the numbering to use.
 */
function planNumbering(blocks: readonly Block[]): { configs: NumberingConfig[]; byBlock: Map<number, { reference: string; level: number }> } {
  interface Group { items: { index: number; item: ListItemBlock }[]; level: number }
  const groups: Group[] = [];
  let stack: Group[] = [];
  const sameKind = (a: ListItemBlock, b: ListItemBlock): boolean => a.marker.kind === b.marker.kind && a.marker.bullet === b.marker.bullet;
  blocks.forEach((block, index) => {
    if (block.kind !== 'list-item') {
      stack = [];
      return;
    }
    stack = stack.filter((group) => group.level <= block.level);
    const open = stack.find((group) => group.level === block.level);
    const previous = open?.items.at(-1)?.item;
    const continues = open && previous && sameKind(previous, block) && follows(previous, block);
    if (open && continues) {
      open.items.push({ index, item: block });
      return;
    }
    const group: Group = { items: [{ index, item: block }], level: block.level };
    groups.push(group);
    stack = [...stack.filter((g) => g.level < block.level), group];
  });

  const configs: NumberingConfig[] = [];
  const byBlock = new Map<number, { reference: string; level: number }>();
  const levelsFor = (level: number, make: (lvl: number) => Omit<ILevelsOptions, 'level' | 'style' | 'alignment' | 'suffix'>): ILevelsOptions[] =>
    Array.from({ length: level + 1 }, (_, lvl) => ({
      level: lvl,
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.TAB,
      // Vietnamese reports start the marker at the first-line indent; nested items step in by 0.75 cm.
      style: { paragraph: { indent: { left: FIRST_LINE + 425 * (lvl + 1), hanging: 425 } }, run: { font: FONT, size: BODY_SIZE } },
      ...make(lvl),
    }));
  groups.forEach((group, groupIndex) => {
    const first = group.items[0]!.item.marker;
    const reference = `list-${groupIndex + 1}`;
    const placeholder = `%${group.level + 1}`;
    // Word's lowerLetter counts the Latin alphabet; a list written in Vietnamese order ("đ", then "e", "g") is not
    // something it can count.
    const countable =
      first.kind === 'decimal' ||
      first.kind === 'decimal-paren' ||
      first.kind === 'paren' ||
      (first.kind === 'lower-letter' && group.items.every(({ item }, i) => item.marker.value !== undefined && item.marker.value === first.value! + i));
    if (first.kind === 'bullet') {
      configs.push({ reference, levels: levelsFor(group.level, () => ({ format: LevelFormat.BULLET, text: first.bullet! })) });
    } else if (countable) {
      const format = first.kind === 'lower-letter' ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL;
      const text = first.kind === 'paren' ? `(${placeholder})` : first.kind === 'decimal' ? `${placeholder}.` : `${placeholder})`;
      configs.push({ reference, levels: levelsFor(group.level, () => ({ format, text, start: first.value ?? 1 })) });
    } else {
      // "đ)" has no place in Word's a, b, c count: each item of such a list gets a level whose text is its own
      // marker, still numbering (outside the runs), as a clerk's hand-fixed list ends up.
      group.items.forEach(({ index, item }, itemIndex) => {
        const literal = `${reference}-${itemIndex + 1}`;
        configs.push({ reference: literal, levels: levelsFor(group.level, () => ({ format: LevelFormat.DECIMAL, text: item.marker.text })) });
        byBlock.set(index, { reference: literal, level: group.level });
      });
      return;
    }
    for (const { index } of group.items) byBlock.set(index, { reference, level: group.level });
  });
  return { configs, byBlock };
}

function run(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
  const style = { font: FONT, size: options.size ?? BODY_SIZE, bold: options.bold, italics: options.italics };
  if (!text.includes('\t')) return new TextRun({ text, ...style });
  // Word writes a tab as <w:tab/>, never as a TAB character inside <w:t>.
  const children = text.split('\t').flatMap((part, index) => [...(index > 0 ? [new Tab()] : []), ...(part ? [part] : [])]);
  return new TextRun({ children, ...style });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

function twoColumnTable(block: TwoColumnBlock): Table {
  // Cell margins are 2 points a side (set below).
  const layout = twoColumnLayout(block.rows, TEXT_WIDTH / TWIPS_PER_POINT, 6, LETTERHEAD_SIZES);
  const split = Math.round(TEXT_WIDTH * layout.split);
  const widths = [split, TEXT_WIDTH - split];
  const cell = (text: string, column: 0 | 1, rowIndex: number): TableCell => {
    const signatureList = block.role === 'signature' && column === 0;
    const dated = /ngày\s+\d+.*tháng/iu.test(text);
    const paragraph = new Paragraph({
      alignment: signatureList ? AlignmentType.LEFT : AlignmentType.CENTER,
      spacing: { before: 0, after: 0 },
      children: text
        ? [
            run(text, {
              bold: isCapitalised(text) || /^Độc lập/u.test(text) || (signatureList && rowIndex === 0) || (block.role === 'signature' && column === 1 && rowIndex === block.rows.length - 1),
              italics: dated || (signatureList && rowIndex === 0),
              size: signatureList && rowIndex > 0 ? 22 : Math.round(layout.size * 2),
            }),
          ]
        : [],
    });
    // Narrow cell margins: a letterhead uses the whole width for its two columns.
    return new TableCell({ width: { size: widths[column]!, type: WidthType.DXA }, borders: NO_BORDERS, margins: { left: 40, right: 40, top: 0, bottom: 0 }, children: [paragraph] });
  };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: block.rows.map((row, rowIndex) => new TableRow({ cantSplit: true, children: [cell(row.left, 0, rowIndex), cell(row.right, 1, rowIndex)] })),
  });
}

/** Table font sizes to try, in points, largest first: wide tables are set smaller, as clerks do. */
const TABLE_SIZES = [12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8];
const TEXT_TABLE_SIZES = [13, 12.5, 12, 11.5, 11, 10.5, 10, 9.5, 9];

function realTable(table: TableBlock): Table {
  // Cell margins are 100 twips a side: 10 points per column.
  const layout = gridTableLayout(table, TEXT_WIDTH / TWIPS_PER_POINT, 11, TABLE_SIZES);
  const widths = layout.widths.map((points) => Math.floor(points * TWIPS_PER_POINT));
  const size = Math.round(layout.size * 2);
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const ruled = table.style === 'ruled';
  const cellBorders = ruled ? { top: line, bottom: line, left: line, right: line } : NO_BORDERS;
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: ruled ? { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line } : TableBorders.NONE,
    rows: table.rows.map((row, rowIndex) => {
      const header = rowIndex < table.headerRows;
      const total = !header && isTotalRow(row.cells.map((cell) => cell.text));
      return new TableRow({
        // Set only when on: a present <w:tblHeader w:val="off"/> reads as a header row to some readers.
        ...(header ? { tableHeader: true } : {}),
        cantSplit: true,
        children: row.cells.flatMap((cell, col) => {
          // Covered cells are not written: gridSpan covers the ones on the right, and docx adds the vMerge
          // continuation cells of a rowSpan by itself.
          if (cell.coveredBy) return [];
          const width = widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
          const numeric = isNumericCell(cell.text);
          return [
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
              ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
              borders: cellBorders,
              verticalAlign: VerticalAlign.CENTER,
              margins: { top: 40, bottom: 40, left: 100, right: 100 },
              children: [
                new Paragraph({
                  alignment: header || numeric ? AlignmentType.CENTER : AlignmentType.LEFT,
                  spacing: { before: 0, after: 0 },
                  children: cell.text ? [run(cell.text, { bold: header || total, size })] : [],
                }),
              ],
            }),
          ];
        }),
      });
    }),
  });
}

/**
 * A typed statistics table: one paragraph per row, cells separated by TABs, with left tab stops for text
 * columns and right tab stops for numeric ones, so the columns line up as the TXT's spaces do. Header labels
 * too long for their column wrap onto further header lines.
 */
function tabbedRows(table: TableBlock): Paragraph[] {
  const alignment = textTableLayout(table);
  const headerCount = Math.min(Math.max(1, table.headerRows), table.rows.length);
  // A little slack: a tab stop right at the margin is one LibreOffice may move to the next line.
  const fitted = fitTextTable(gridTexts(table), headerCount, TEXT_WIDTH / TWIPS_PER_POINT - 8, TEXT_TABLE_SIZES);
  const stops: { type: (typeof TabStopType)[keyof typeof TabStopType]; position: number }[] = [];
  let x = 0;
  fitted.widths.forEach((width, col) => {
    const start = col === 0 ? 0 : x + fitted.gap;
    if (col > 0 || alignment.rightAligned[0]) {
      stops.push(alignment.rightAligned[col] ? { type: TabStopType.RIGHT, position: Math.round((start + width) * TWIPS_PER_POINT) } : { type: TabStopType.LEFT, position: Math.round(start * TWIPS_PER_POINT) });
    }
    x = start + width;
  });
  const size = Math.round(fitted.size * 2);
  const line = (cells: readonly string[], bold: boolean, last: boolean): Paragraph =>
    new Paragraph({
      tabStops: stops,
      spacing: { before: 0, after: last ? 120 : 20 },
      // The header lines stay with the first row; a long table may still run over a page.
      keepNext: bold,
      children: [run(`${alignment.rightAligned[0] ? '\t' : ''}${cells.join('\t')}`, { size, bold })],
    });
  return [
    ...fitted.headerLines.map((cells) => line(cells, true, false)),
    ...fitted.bodyRows.map((cells, index) => line(cells, false, index === fitted.bodyRows.length - 1)),
  ];
}

export async function renderDocxA(model: SourceModel): Promise<Buffer> {
  const { configs, byBlock } = planNumbering(model.blocks);
  const children: (Paragraph | Table)[] = [];
  model.blocks.forEach((block, index) => {
    switch (block.kind) {
      case 'title':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 60, after: 60 }, children: [run(block.text, { bold: true })] }));
        break;
      case 'heading':
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, keepNext: true, indent: { firstLine: FIRST_LINE }, spacing: { before: 120, after: 60 }, children: [run(block.text, { bold: true, italics: block.level > 2 })] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, spacing: { after: 60, line: 288 }, children: [run(block.text)] }));
        break;
      case 'list-item': {
        const numbering = byBlock.get(index)!;
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, numbering, spacing: { after: 40, line: 288 }, children: [run(block.text)] }));
        break;
      }
      case 'two-column':
        // The signature stands apart from the last paragraph, as the clerk's blank line sets it.
        if (block.role === 'signature') children.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
        children.push(twoColumnTable(block), new Paragraph({ spacing: { after: block.role === 'header' ? 240 : 0 }, children: [] }));
        break;
      case 'table':
        if (block.style === 'ruled' || block.style === 'borderless') {
          // Word needs a paragraph between two tables, or it joins them into one.
          children.push(realTable(block), new Paragraph({ spacing: { after: 60 }, children: [] }));
        } else if (block.style === 'text') {
          children.push(...tabbedRows(block));
        } else {
          children.push(...block.rows.map((row) => new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 40 }, children: [run(row.raw)] })));
        }
        break;
      case 'page-break':
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  });
  const headerText = runningHeaderText(model);
  const document = new Document({
    creator: 'Văn thư',
    lastModifiedBy: 'Văn thư',
    title: model.blocks.find((block) => block.kind === 'title')?.text ?? '',
    revision: 1,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    numbering: { config: configs },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        headers: {
          default: new Header({
            children: headerText ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(headerText, { italics: true, size: 20 })] })] : [],
          }),
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 22 })] })] }),
        },
        children,
      },
    ],
  });
  return pinZip(await Packer.toBuffer(document), PINNED_DATE);
}
