import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../src/pipeline/index.ts';
import type { TableBlock } from '../src/model/index.ts';

/**
 * Tables come out as tables — rows of cells with the numbers in the right cells — whether the file is a DOCX
 * (mammoth's table) or a PDF (rebuilt from the drawn grid and the aligned text). Expected cells are read off
 * the seeds: seed 001's task counts and seed 002's Phụ lục 1 (inspection teams).
 */
const REPORTS = join(import.meta.dirname, '../fixtures/reports');

async function tablesOf(fixture: string): Promise<TableBlock[]> {
  const { document } = await processBytes(readFileSync(join(REPORTS, fixture)), fixture);
  return document!.blocks.filter((block): block is TableBlock => block.kind === 'table');
}

function cellTexts(table: TableBlock): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => cell.text.trim()));
}

describe.each(['seed-001.docx', 'seed-001.pdf', 'legacy/seed-001-vni.pdf'])('%s: the task counts table', (fixture) => {
  it('has one row per task count, label in the first cell and the number in the second', async () => {
    const table = (await tablesOf(fixture)).find((candidate) => cellTexts(candidate).some((row) => row[0]?.includes('Tổng số nhiệm vụ đã hoàn thành')));
    expect(table, 'no table holds the task counts').toBeDefined();
    const rows = cellTexts(table!);
    expect(rows.map((row) => row.length)).toEqual([2, 2, 2, 2, 2]);
    expect(rows.map((row) => row[1])).toEqual(['35;', '16;', '0;', '17;', '2;']);
    expect(rows[2]![0]).toMatch(/chưa hoàn thành/u);
  });
});

describe.each(['seed-002.docx', 'seed-002.pdf'])('%s: Phụ lục 1, the inspection teams', (fixture) => {
  it('has a header row and five numbered teams in four columns', async () => {
    const table = (await tablesOf(fixture)).find((candidate) => cellTexts(candidate)[0]?.includes('Đoàn kiểm tra'));
    expect(table, 'no table has the "Đoàn kiểm tra" header').toBeDefined();
    const rows = cellTexts(table!);
    expect(rows[0]).toEqual(['STT', 'Đoàn kiểm tra', 'Cơ quan, đơn vị thuộc Đoàn kiểm tra', 'Cơ quan, đơn vị, địa phương được kiểm tra']);
    const body = rows.slice(1);
    expect(body.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(body.map((row) => row[1])).toEqual(['Đoàn kiểm tra số 01', 'Đoàn kiểm tra số 02', 'Đoàn kiểm tra số 03', 'Đoàn kiểm tra số 04', 'Đoàn kiểm tra số 05']);
    expect(body[0]![2]).toMatch(/^Công an huyện \(Trưởng đoàn\)/u);
    expect(rows.every((row) => row.length === 4)).toBe(true);
  });
});
