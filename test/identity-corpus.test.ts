import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../src/extract/index.ts';
import { ingestBytes } from '../src/ingest/index.ts';
import { normalizeDocument } from '../src/normalize/vietnamese.ts';
import { groupOf, loadCorpus, metadataRight } from '../src/eval/corpus.ts';

/**
 * The bar of issue 21 on the blind corpus, as a guard against regressions: unit, level, period and type all right for
 * at least 95 % of the reports, in the i-group written for identity and in the whole corpus. The plain-text producer
 * only, to stay quick; `npx tsx scripts/eval-corpus.ts` prints every producer and every field.
 */
const root = join(import.meta.dirname, '..');
const FIELDS = { unit_name: 'unitName', unit_level: 'unitLevel', period: 'period', doc_type: 'docType' } as const;

describe('report identity on the blind corpus (plain text)', async () => {
  const reports = loadCorpus(root, { formats: ['txt'] });
  const rows = await Promise.all(
    reports.map(async (report) => {
      const file = report.files[0]!;
      const metadata = extractMetadata(normalizeDocument(await ingestBytes(readFileSync(file.path), `${report.id}.txt`))) as Record<string, unknown>;
      const wrong = Object.entries(FIELDS)
        .map(([field, key]) => ({ field, expected: report.gold.metadata[field as keyof typeof FIELDS], actual: metadata[key] ?? null }))
        .filter((entry) => !metadataRight(entry));
      return { id: report.id, group: groupOf(report.id), wrong };
    }),
  );

  for (const group of ['i', 'all']) {
    it(`all four right for at least 95 % of ${group === 'all' ? 'the corpus' : `group ${group}`}`, () => {
      const members = rows.filter((row) => group === 'all' || row.group === group);
      const right = members.filter((row) => row.wrong.length === 0).length;
      const misses = members.filter((row) => row.wrong.length > 0).map((row) => `${row.id}: ${row.wrong.map((entry) => `${entry.field} ${String(entry.expected)} → ${String(entry.actual)}`).join(', ')}`);
      expect(members.length).toBeGreaterThan(0);
      expect(right / members.length, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});
