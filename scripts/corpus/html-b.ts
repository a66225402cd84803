/**
 * Producer "b.docx", first half: the document as HTML, which LibreOffice then saves as DOCX (see lo.ts).
 *
 * This is the other kind of DOCX a province receives: exported from a web editor or a portal, or retyped
 * by someone who types the markers. List markers stay typed text with margins for nesting, tables are HTML
 * tables (LibreOffice's own table model, not docx's), `text` tables are paragraphs padded with non-breaking
 * spaces, and the font and margins differ from a.docx. No running header or page field: such files have none.
 */
import { isCapitalised, isTotalRow } from './layout.ts';
import type { SourceModel, TableBlock, TwoColumnBlock } from './source.ts';
import { alignedRow, isNumericCell, textTableLayout } from './txt.ts';

export const B_DOCX_FONT = 'DejaVu Sans';

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

function twoColumnHtml(block: TwoColumnBlock): string {
  const rows = block.rows.map((row, rowIndex) => {
    const cell = (text: string, column: 0 | 1): string => {
      const listColumn = block.role === 'signature' && column === 0;
      const strong = isCapitalised(text) || /^Độc lập/u.test(text) || (listColumn && rowIndex === 0);
      const emphasised = /ngày\s+\d+.*tháng/iu.test(text) || (listColumn && rowIndex === 0);
      let html = escapeHtml(text);
      if (strong) html = `<b>${html}</b>`;
      if (emphasised) html = `<i>${html}</i>`;
      const size = listColumn && rowIndex > 0 ? ' style="font-size:10pt"' : '';
      return `<td width="50%" align="${listColumn ? 'left' : 'center'}" valign="top"><p style="margin:0"${size}>${html || '&nbsp;'}</p></td>`;
    };
    return `<tr>${cell(row.left, 0)}${cell(row.right, 1)}</tr>`;
  });
  return `<table border="0" cellspacing="0" cellpadding="2" width="100%">\n${rows.join('\n')}\n</table>`;
}

function tableHtml(table: TableBlock): string {
  const ruled = table.style === 'ruled';
  const rows = table.rows.map((row, rowIndex) => {
    const header = rowIndex < table.headerRows;
    const total = !header && isTotalRow(row.cells.map((cell) => cell.text));
    const cells = row.cells.flatMap((cell) => {
      if (cell.coveredBy) return [];
      const tag = header ? 'th' : 'td';
      const span = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
      const align = header ? 'center' : isNumericCell(cell.text) ? 'right' : 'left';
      const text = escapeHtml(cell.text) || '&nbsp;';
      return [`<${tag}${span} align="${align}" valign="middle">${total ? `<b>${text}</b>` : text}</${tag}>`];
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const head = rows.slice(0, table.headerRows);
  const body = rows.slice(table.headerRows);
  const attributes = ruled ? 'border="1" cellspacing="0" cellpadding="4" width="100%"' : 'border="0" cellspacing="0" cellpadding="3"';
  return `<table ${attributes}>\n${head.length ? `<thead>\n${head.join('\n')}\n</thead>\n` : ''}<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

export function renderHtmlB(model: SourceModel): string {
  const parts: string[] = [];
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'title':
        parts.push(`<p align="center" style="margin:0 0 3pt 0"><b>${escapeHtml(block.text)}</b></p>`);
        break;
      case 'heading':
        parts.push(`<p style="margin:6pt 0 3pt 0"><b>${block.level > 2 ? `<i>${escapeHtml(block.text)}</i>` : escapeHtml(block.text)}</b></p>`);
        break;
      case 'paragraph':
        parts.push(`<p align="justify" style="text-indent:1.27cm; margin:0 0 4pt 0">${escapeHtml(block.text)}</p>`);
        break;
      case 'list-item': {
        // The typed marker hangs in the margin the way a retyped list does: a negative first-line indent.
        const left = 0.7 + 0.6 * block.level;
        parts.push(`<p align="justify" style="margin:0 0 2pt ${left.toFixed(2)}cm; text-indent:-0.6cm">${escapeHtml(block.marker.text)} ${escapeHtml(block.text)}</p>`);
        break;
      }
      case 'two-column':
        parts.push(twoColumnHtml(block), '<p style="margin:0">&nbsp;</p>');
        break;
      case 'table':
        if (block.style === 'ruled' || block.style === 'borderless') {
          parts.push(tableHtml(block), '<p style="margin:0 0 4pt 0"></p>');
        } else if (block.style === 'text') {
          const layout = textTableLayout(block);
          const lines = block.rows.map((row) => alignedRow(row.cells.map((cell) => cell.text), layout, '\u00A0'));
          // Someone pasting a wide typed table makes it smaller until a row fits on a line (17 cm of text, about
          // 0.6 em per character in this font); below 8 pt they let it wrap.
          const longest = Math.max(...lines.map((line) => [...line].length));
          const size = Math.max(8, Math.min(12, Math.floor((482 / (0.6 * longest)) * 2) / 2));
          for (const line of lines) parts.push(`<p style="margin:0; font-size:${size}pt">${escapeHtml(line)}</p>`);
        } else {
          for (const row of block.rows) parts.push(`<p style="margin:0">${escapeHtml(row.raw)}</p>`);
        }
        break;
      case 'page-break':
        parts.push('<p style="page-break-before: always; margin:0"></p>');
        break;
    }
  }
  const title = model.blocks.find((block) => block.kind === 'title')?.text ?? '';
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
@page { size: 21cm 29.7cm; margin: 2cm 1.5cm 2cm 2.5cm }
body { font-family: '${B_DOCX_FONT}'; font-size: 12pt }
p { margin-top: 0; margin-bottom: 0 }
td, th { font-family: '${B_DOCX_FONT}'; font-size: 11pt }
</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
