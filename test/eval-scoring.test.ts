import { describe, expect, it } from 'vitest';
import { loadCorpus, sameFigure, scoreCorpusFile } from '../src/eval/corpus.ts';
import type { Figure } from '../src/model/index.ts';
import type { CorpusGoldFigure } from '../src/model/gold.ts';

/**
 * The corpus scorer's conventions (fixtures/corpus/decisions.md, "Scoring conventions"), each shown to accept
 * the reading it names and nothing looser.
 */
const quote = 'Tiếp nhận mới trong tháng: 395 hồ sơ, trong đó trực tuyến 315 hồ sơ, đạt 79,7%.';

function gold(overrides: Partial<CorpusGoldFigure>): CorpusGoldFigure {
  return { metric: 'dossiers.online', value: 315, unit: 'dossiers', year: null, procedure: null, denominator: null, percent: 79.7, raw: '315', quote, ...overrides };
}

function figure(overrides: Partial<Figure>): Figure {
  return { id: 'f1', metric: 'dossiers.online', value: 315, percent: 79.7, unit: 'dossiers', raw: '315 hồ sơ, đạt 79,7%', evidence: quote, location: { line: 1 }, rule: 'dossiers.online', ...overrides };
}

describe('the corpus scorer', () => {
  it('does not hold a base the reader linked against a gold that, as the contract says, records only written ratios', () => {
    expect(sameFigure(figure({ denominator: 395 }), gold({}), undefined)).toBe(true);
    expect(sameFigure(figure({}), gold({}), undefined)).toBe(true);
  });

  it('still compares a denominator the text writes as a ratio, or one the gold records', () => {
    const ratio = figure({ raw: '6.065/6588 hồ sơ = 92%', value: 6065, denominator: 6588, percent: 92 });
    expect(sameFigure(ratio, gold({ value: 6065, percent: 92 }), undefined)).toBe(false);
    expect(sameFigure(ratio, gold({ value: 6065, percent: 92, denominator: 6588 }), undefined)).toBe(true);
    expect(sameFigure(figure({ denominator: 390 }), gold({ denominator: 395 }), undefined)).toBe(false);
    expect(sameFigure(figure({}), gold({ denominator: 395 }), undefined)).toBe(false);
    // The percentage always counts.
    expect(sameFigure(figure({ denominator: 395, percent: 79.8 }), gold({}), undefined)).toBe(false);
  });

  it('counts no figure the gold lists as a figure among the dates read as figures (n17: "14 ấp" beside "14:22")', async () => {
    const [report] = loadCorpus('.', { ids: ['n17'], formats: ['txt'] });
    const score = await scoreCorpusFile(report!, report!.files[0]!);
    expect(score.result.figures.some((read) => read.metric === 'villages' && read.value === 14)).toBe(true);
    expect(score.nonFigures.map(({ notFigure }) => notFigure)).not.toContain('14:22');
  });
});
