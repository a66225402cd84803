/**
 * `npm run eval`: how well figures are read and contradictions found, on two corpora side by side:
 * - the seeds (fixtures/expected/): the five real documents the rules were written against;
 * - the blind corpus (fixtures/corpus/): reports and gold written by helpers who never read the rules, each
 *   rendered by several producers (printed by scripts/eval-corpus.ts, which this runs after the seeds).
 * `--verbose` lists every false positive and false negative; `--corpus-only`/`--seeds-only` run one part.
 */
import { join } from 'node:path';
import { figureKey, precisionRecall, scoreAll, tallyByMetric, total, type FixtureScore } from '../src/eval/score.ts';
import { runCorpusEval } from './eval-corpus.ts';

const root = join(import.meta.dirname, '..');
const verbose = process.argv.includes('--verbose');
if (!process.argv.includes('--corpus-only')) await seedsEval();
if (!process.argv.includes('--seeds-only')) await runCorpusEval(root, process.argv.slice(2));

async function seedsEval(): Promise<void> {
console.log('=== Seeds (fixtures/expected: the documents the rules were written against) ===\n');
const scores = await scoreAll(root);

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
const row = (name: string, tally: { truePositives: number; falsePositives: number; falseNegatives: number }) => {
  const { precision, recall } = precisionRecall(tally);
  return `${name.padEnd(26)} ${String(tally.truePositives).padStart(5)} ${String(tally.falsePositives).padStart(5)} ${String(tally.falseNegatives).padStart(5)} ${percent(precision)} ${percent(recall)}`;
};
const header = `${'metric'.padEnd(26)} ${'TP'.padStart(5)} ${'FP'.padStart(5)} ${'FN'.padStart(5)} ${'prec.'.padStart(7)} ${'recall'.padStart(7)}`;

console.log(`Figure extraction against fixtures/expected (${scores.length} fixture files)\n`);
console.log(header);
const byMetric = tallyByMetric(scores);
for (const metric of [...byMetric.keys()].sort()) console.log(row(metric, byMetric.get(metric)!));
console.log('-'.repeat(header.length));
console.log(row('overall', total(byMetric.values())));

console.log(`\nBy file\n${header.replace('metric', 'file  ')}`);
for (const score of scores) console.log(row(score.fixture, total(tallyByMetric([score]).values())));
const byFormat = new Map<string, FixtureScore[]>();
for (const score of scores) {
  const format = score.fixture.replace(/^.*\./u, '') + (score.fixture.startsWith('legacy/') ? ' (legacy)' : '');
  byFormat.set(format, [...(byFormat.get(format) ?? []), score]);
}
console.log(`\nBy format\n${header.replace('metric', 'format')}`);
for (const [format, group] of byFormat) console.log(row(format, total(tallyByMetric(group).values())));

console.log(`\nFindings against fixtures/expected (contract checks; ambiguous-number and ingest.* not scored)\n${'file'.padEnd(26)} ${'TP'.padStart(5)} ${'FP'.padStart(5)} ${'FN'.padStart(5)} ${'prec.'.padStart(7)} ${'recall'.padStart(7)}`);
const findingTotals = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
for (const score of scores) {
  const tally = { truePositives: score.findings.truePositives.length, falsePositives: score.findings.falsePositives.length, falseNegatives: score.findings.falseNegatives.length };
  findingTotals.truePositives += tally.truePositives;
  findingTotals.falsePositives += tally.falsePositives;
  findingTotals.falseNegatives += tally.falseNegatives;
  console.log(row(score.fixture, tally));
}
console.log('-'.repeat(header.length));
console.log(row('overall', findingTotals));
for (const score of scores) {
  for (const finding of score.findings.falsePositives) console.log(`  FP ${score.fixture}: ${finding.rule} [${finding.values.join(';')}] ${finding.message.slice(0, 140)}`);
  for (const finding of score.findings.falseNegatives) console.log(`  FN ${score.fixture}: ${finding.rule} [${finding.values.join(';')}] ${finding.note.slice(0, 140)}`);
}

const violations = scores.flatMap((score) => score.nonFigureViolations.map((violation) => `${score.fixture}: «${violation.figure.raw}» read as ${violation.figure.metric} but "${violation.notFigure}" is not a figure`));
console.log(`\nFigures made of listed non-figures: ${violations.length}`);
for (const line of violations) console.log(`  ${line}`);

console.log('\nFormats of one seed that disagree (figures present in one format and not another):');
let disagreements = 0;
for (const seed of new Set(scores.map((score) => score.seed))) {
  const group = scores.filter((score) => score.seed === seed);
  const keys = group.map((score) => new Map<string, number>());
  group.forEach((score, index) => {
    for (const figure of score.result.figures) keys[index]!.set(figureKey(figure), (keys[index]!.get(figureKey(figure)) ?? 0) + 1);
  });
  const all = new Set(keys.flatMap((map) => [...map.keys()]));
  for (const key of [...all].sort()) {
    const counts = keys.map((map) => map.get(key) ?? 0);
    if (new Set(counts).size > 1) {
      disagreements++;
      console.log(`  seed ${seed} ${key.padEnd(48)} ${group.map((score, index) => `${score.fixture.replace(/^.*\//u, '')}:${counts[index]}`).join(' ')}`);
    }
  }
}
if (disagreements === 0) console.log('  none');

console.log('\nMetadata (expected → read), mismatches only:');
for (const score of scores) {
  const wrong = score.metadata.filter((entry) => entry.expected !== entry.actual);
  if (wrong.length > 0) console.log(`  ${score.fixture}: ${wrong.map((entry) => `${entry.field} ${JSON.stringify(entry.expected)} → ${JSON.stringify(entry.actual)}`).join('; ')}`);
}

if (verbose) {
  for (const score of scores) {
    if (score.falsePositives.length + score.falseNegatives.length === 0) continue;
    console.log(`\n== ${score.fixture}`);
    for (const figure of score.falsePositives) {
      console.log(`  FP ${figure.metric} ${figure.value}${figure.denominator !== undefined ? `/${figure.denominator}` : ''}${figure.percent !== undefined ? ` =${figure.percent}%` : ''} y=${figure.year ?? ''} p=${figure.procedure ?? ''} «${figure.raw}» l${figure.location.line} :: ${figure.evidence.slice(0, 110)}`);
    }
    for (const gold of score.falseNegatives) {
      console.log(`  FN ${gold.metric} ${gold.value}${gold.denominator !== null ? `/${gold.denominator}` : ''}${gold.percent !== null ? ` =${gold.percent}%` : ''} y=${gold.year ?? ''} p=${gold.procedure ?? ''} «${gold.raw}» :: ${gold.quote.slice(0, 110)}`);
    }
  }
}
}
