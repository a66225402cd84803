import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { precisionRecall, scoreAll, tallyByMetric, total, type FixtureScore } from '../src/eval/score.ts';

/**
 * The extraction issue's acceptance bar, on every seed fixture in every format, against the hand-written
 * gold: precision ≥ 0.97 and recall ≥ 0.90 overall and per format, no figure made of a number the gold lists
 * as a non-figure, and the metadata of each document read as the gold says. `npm run eval` prints the detail.
 */
const root = join(import.meta.dirname, '..');
let scores: FixtureScore[] = [];

beforeAll(async () => {
  scores = await scoreAll(root);
}, 300_000);

describe('figure extraction against fixtures/expected', () => {
  it('scores every seed in every format we generate', () => {
    expect(scores.length).toBe(19);
  });

  it('reaches precision ≥ 0.97 and recall ≥ 0.90 overall', () => {
    const { precision, recall } = precisionRecall(total(tallyByMetric(scores).values()));
    console.log(`figures: precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it.each(['.txt', '.docx', '.pdf'])('reaches precision ≥ 0.97 and recall ≥ 0.90 on %s files', (extension) => {
    const group = scores.filter((score) => score.fixture.endsWith(extension));
    const { precision, recall } = precisionRecall(total(tallyByMetric(group).values()));
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('makes no figure of a number the gold lists as a non-figure (document numbers, dates, levels, ages…)', () => {
    const violations = scores.flatMap((score) => score.nonFigureViolations.map(({ figure, notFigure }) => `${score.fixture}: ${figure.raw} (${notFigure})`));
    expect(violations).toEqual([]);
  });

  it('reads each document’s unit, level, province, type, period and date as the gold says', () => {
    const mismatches = scores.flatMap((score) =>
      score.metadata.filter((entry) => entry.expected !== entry.actual).map((entry) => `${score.fixture} ${entry.field}: ${String(entry.expected)} ≠ ${String(entry.actual)}`),
    );
    expect(mismatches).toEqual([]);
  });

  it('gives every figure a location inside its file and a raw text found in its evidence', () => {
    for (const score of scores) {
      for (const figure of score.result.figures) {
        expect(figure.location.line).toBeGreaterThan(0);
        if (score.fixture.endsWith('.pdf')) expect(figure.location.page).toBeGreaterThan(0);
        const raw = figure.raw.replace(/\s+/gu, ' ');
        expect(figure.evidence.replace(/\s*\|\s*/gu, ' ').replace(/\s+/gu, ' ')).toContain(raw.split(' ')[0]);
      }
    }
  });
});
