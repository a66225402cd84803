import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { processBytes } from '../src/pipeline/index.ts';
import type { TableBlock } from '../src/model/index.ts';

/**
 * DOCX tables as Word writes them: a table inside a table cell is a table of its own, and a table of one cell
 * (a frame around a caption and a table) is read as its content.
 */
const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
const procedures = () =>
  new Table({
    rows: [
      new TableRow({ children: ['Thủ tục', 'Tiếp nhận', 'Trực tuyến'].map(cell) }),
      new TableRow({ children: ['Đăng ký thường trú', '46', '40'].map(cell) }),
      new TableRow({ children: ['Đăng ký tạm trú', '120', '118'].map(cell) }),
      new TableRow({ children: ['Tổng cộng', '166', '150'].map(cell) }),
    ],
  });

async function read(children: (Paragraph | Table)[]) {
  const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('BÁO CÁO'), ...children] }] })));
  const { result, document } = await processBytes(bytes, 'x.docx');
  const tables = document!.blocks.filter((block): block is TableBlock => block.kind === 'table');
  return { result, tables, texts: tables.map((table) => table.rows.map((row) => row.cells.map((c) => c.text))) };
}

describe('DOCX tables', () => {
  it('reads a table framed by a one-cell table as the table it is', async () => {
    const frame = new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Bảng 1. Kết quả giải quyết thủ tục hành chính'), procedures(), new Paragraph('')] })] })] });
    const { result, texts } = await read([frame]);
    expect(texts).toEqual([[['Thủ tục', 'Tiếp nhận', 'Trực tuyến'], ['Đăng ký thường trú', '46', '40'], ['Đăng ký tạm trú', '120', '118'], ['Tổng cộng', '166', '150']]]);
    expect(result.findings.map((finding) => `${finding.rule} ${finding.values.join(';')}`)).toContain('sum-mismatch 150;40;118');
  });

  it('reads a table nested in a cell of another as a table of its own', async () => {
    const outer = new Table({
      rows: [
        new TableRow({ children: [cell('Lĩnh vực'), cell('Số liệu')] }),
        new TableRow({ children: [cell('Cư trú'), new TableCell({ children: [procedures()] })] }),
      ],
    });
    const { texts } = await read([outer]);
    expect(texts).toEqual([
      [['Lĩnh vực', 'Số liệu'], ['Cư trú', '']],
      [['Thủ tục', 'Tiếp nhận', 'Trực tuyến'], ['Đăng ký thường trú', '46', '40'], ['Đăng ký tạm trú', '120', '118'], ['Tổng cộng', '166', '150']],
    ]);
  });

  it('keeps merged header cells merged, so every column keeps its own header', async () => {
    const merged = new Table({
      rows: [
        new TableRow({ tableHeader: true, children: [new TableCell({ rowSpan: 2, children: [new Paragraph('Quý')] }), new TableCell({ columnSpan: 2, children: [new Paragraph('Hồ sơ tiếp nhận')] })] }),
        new TableRow({ tableHeader: true, children: [cell('Trực tuyến'), cell('Trực tiếp')] }),
        new TableRow({ children: ['Quý I', '1.561', '141'].map(cell) }),
        new TableRow({ children: ['Quý II', '1.748', '145'].map(cell) }),
      ],
    });
    const { result, tables } = await read([merged]);
    expect(tables[0]!.rows[0]!.cells.map((c) => [c.text, c.colSpan, c.rowSpan])).toEqual([['Quý', 1, 2], ['Hồ sơ tiếp nhận', 2, 1]]);
    expect(result.figures.map((figure) => `${figure.metric} ${figure.value}`)).toEqual(['dossiers.online 1561', 'dossiers.direct 141', 'dossiers.online 1748', 'dossiers.direct 145']);
  });
});
