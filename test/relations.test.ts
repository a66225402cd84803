import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELATIONS } from '../rules/relations/index.ts';
import { checkDocument } from '../src/check/index.ts';
import { documentFromReportText } from '../src/check/report-text.ts';
import { extractQuantities } from '../src/extract/index.ts';

/**
 * Every relation's own examples, through the whole pipeline (text reader, extractor, linker, every check):
 * a consistent snippet gives no finding of the checks that read relations, an inconsistent one gives the
 * finding it names, with those numbers.
 */
const RELATION_CHECKS = new Set(['sum-mismatch', 'part-exceeds-whole', 'reconciliation', 'status-contradiction', 'exceeds-population']);

function relationFindings(text: string) {
  const document = documentFromReportText(text);
  const { figures, quantities } = extractQuantities(document);
  return checkDocument({ file: 'case.txt', document, figures, quantities }).filter((finding) => RELATION_CHECKS.has(finding.rule));
}

describe('part–whole relations (rules/relations/)', () => {
  it('lists every relation file', () => {
    const files = readdirSync(join(import.meta.dirname, '../rules/relations')).filter((name) => name !== 'index.ts').map((name) => name.replace(/\.ts$/u, ''));
    expect(RELATIONS.map((relation) => relation.id).sort()).toEqual(files.sort());
  });

  for (const relation of RELATIONS) {
    describe(relation.id, () => {
      it.each(relation.examples.consistent)('consistent: %s', (text) => {
        expect(relationFindings(text).map((finding) => `${finding.rule} [${finding.values.join(';')}] ${finding.message}`)).toEqual([]);
      });
      it.each(relation.examples.inconsistent.map((example) => [example.text, example] as const))('inconsistent: %s', (_text, example) => {
        const findings = relationFindings(example.text);
        expect(findings.map((finding) => ({ rule: finding.rule, values: finding.values }))).toContainEqual({ rule: example.check, values: example.values });
        const finding = findings.find((candidate) => candidate.rule === example.check)!;
        expect(finding.why, 'a relation finding says what linked its numbers').toBeTruthy();
      });
    });
  }
});
