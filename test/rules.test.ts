import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_RULES } from '../rules/index.ts';
import { extractFigures } from '../src/extract/index.ts';
import { documentFromText } from './support/documents.ts';

/**
 * Every metric rule's own corpus, Duckling-style: each positive example yields exactly the expected figures
 * of that metric (no more, no fewer), each negative example yields none. The examples run through the whole
 * extractor with every rule loaded, so a rule that steals another's figures fails here too.
 */
const CONTRACT_METRICS = [
  'villages', 'households', 'population', 'area_km2', 'tasks.assigned', 'tasks.completed', 'tasks.unfinished', 'tasks.recurring',
  'tasks.in_progress', 'tasks.overdue', 'eid.accounts', 'eid.level1', 'eid.level2', 'eid.activated', 'eid.applications',
  'idcards.issued', 'idcards.applications', 'dossiers.received', 'dossiers.resolved', 'dossiers.due', 'dossiers.early',
  'dossiers.online', 'dossiers.direct', 'dossiers.on_time', 'dossiers.late', 'dossiers.in_progress', 'dossiers.returned',
  'dossiers.supplement', 'dossiers.carried_over', 'digitized.dossiers', 'digitized.results', 'services.essential',
  'services.full_online', 'services.partial_online', 'procedures.published', 'outreach.posts', 'outreach.broadcasts',
  'outreach.meetings', 'outreach.participants', 'smartphone_rate',
];

describe('metric rules', () => {
  it('every file in rules/metrics is listed in rules/index.ts, under its own file name', () => {
    const files = readdirSync(join(import.meta.dirname, '../rules/metrics')).map((name) => name.replace(/\.ts$/, '')).sort();
    expect(METRIC_RULES.map((rule) => rule.id).sort()).toEqual(files);
  });

  it('every metric of the contract catalog has a rule', () => {
    const ids = new Set(METRIC_RULES.map((rule) => rule.id));
    expect(CONTRACT_METRICS.filter((id) => !ids.has(id))).toEqual([]);
  });

  for (const rule of METRIC_RULES) {
    describe(rule.id, () => {
      it.each(rule.examples.positive.map((example) => [example.text, example] as const))('finds figures in «%s»', (_text, example) => {
        const figures = extractFigures(documentFromText(example.text, example.headings)).filter((figure) => figure.metric === rule.id);
        const actual = figures.map((figure) => {
          const got: Record<string, unknown> = { value: figure.value };
          for (const key of ['denominator', 'percent', 'year', 'procedure', 'qualifier'] as const) {
            if (example.expect.some((expected) => key in expected)) got[key] = figure[key];
          }
          return got;
        });
        const expected = example.expect.map((item) => {
          const want: Record<string, unknown> = { value: item.value };
          for (const key of ['denominator', 'percent', 'year', 'procedure', 'qualifier'] as const) {
            if (example.expect.some((other) => key in other)) want[key] = item[key];
          }
          return want;
        });
        expect(actual).toEqual(expected);
        for (const figure of figures) {
          expect(figure.raw.length).toBeGreaterThan(0);
          expect(example.text).toContain(figure.raw);
        }
      });
      it.each(rule.examples.negative.map((example) => [typeof example === 'string' ? example : example.text, example] as const))(
        'finds nothing in «%s»',
        (text, example) => {
          const headings = typeof example === 'string' ? [] : example.headings;
          const figures = extractFigures(documentFromText(text, headings)).filter((figure) => figure.metric === rule.id);
          expect(figures.map((figure) => figure.raw)).toEqual([]);
        },
      );
    });
  }
});
