import { describe, expect, it } from 'vitest';
import { processBytes } from '../src/pipeline/index.ts';
import { figuresCsv } from '../src/report/csv.ts';
import { QUALIFIER_EXAMPLES } from '../rules/qualifiers.ts';
import type { DocumentResult } from '../src/model/index.ts';
import { readCsvRecords } from './support/read-csv.ts';

/**
 * What scopes a figure besides its metric (rules/qualifiers.ts): each example is a one-sentence report run
 * through the whole pipeline as TXT, under a letterhead and a title that give the issuer and the period.
 */
async function reportOf(example: (typeof QUALIFIER_EXAMPLES)[number]): Promise<DocumentResult> {
  const text = `${example.issuer}\n\nBÁO CÁO\nKết quả thực hiện Đề án 06 ${example.period}\n\n${example.text}\n`;
  return (await processBytes(new TextEncoder().encode(text), 'bao-cao.txt')).result;
}

describe('qualifiers of a figure', () => {
  it.each(QUALIFIER_EXAMPLES.map((example) => [example.text, example] as const))('%s', async (_text, example) => {
    const result = await reportOf(example);
    const quantity = [...result.figures, ...(result.quantities ?? [])].find((candidate) => candidate.value === example.value);
    expect(quantity, `no quantity ${example.value} was read`).toBeDefined();
    const { cumulative, asOf, period, subject, field } = quantity!;
    const read = Object.fromEntries(Object.entries({ cumulative, asOf, period, subject, field }).filter(([, value]) => value !== undefined));
    expect(read).toEqual(example.expected);
  });

  it('writes as_of and subject as the last columns of figures.csv', async () => {
    const cumulative = await reportOf(QUALIFIER_EXAMPLES.find((example) => example.expected.asOf !== undefined)!);
    const named = await reportOf(QUALIFIER_EXAMPLES.find((example) => example.expected.subject !== undefined)!);
    const rows = readCsvRecords(figuresCsv([cumulative, named]).replace(/^\uFEFF/u, ''));
    const header = Object.keys(rows[0]!);
    expect(header.slice(-2)).toEqual(['as_of', 'subject']);
    expect(rows.find((row) => row.value === '4215')).toMatchObject({ as_of: '2025-05-31', subject: '' });
    expect(rows.find((row) => row.value === '312')).toMatchObject({ as_of: '', subject: 'xã Tân Hòa' });
  });
});
