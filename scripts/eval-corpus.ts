/**
 * The blind-corpus half of `npm run eval` (also `npx tsx scripts/eval-corpus.ts`): figure precision and recall,
 * findings caught, false alarms, traps hit, dates read as figures, format invariance and report identity, per
 * format, per group of the corpus and per check — on reports nobody on the team wrote.
 *
 * Options: `--formats txt,a.pdf` (default: every producer present), `--ids c01,c02`, `--group c|n|i|p`,
 * `--list` (every miss and false alarm), `--json FILE` (the summary, for test/eval-corpus.test.ts's floors).
 */
import { writeFileSync } from 'node:fs';
import { analyseDocuments } from '../src/province/index.ts';
import { goldDocuments, provinceBatch, provinceGold, scoreBatchFindings, scoreLine } from '../src/eval/province.ts';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS_FORMATS, CORPUS_GROUPS, groupOf, loadCorpus, metadataRight, scoreCorpusFile, type CorpusFileScore, type CorpusFormat } from '../src/eval/corpus.ts';

export interface CorpusSummary {
  reports: number;
  files: number;
  byFormat: Record<string, Tally>;
  byGroup: Record<string, Tally>;
  overall: Tally;
  invariance: { reports: number; identical: number };
  identity: { files: number; allFourRight: number };
}

interface Tally {
  files: number;
  reports: number;
  figureTP: number;
  figureFP: number;
  figureFN: number;
  findingGold: number;
  findingCaught: number;
  falseAlarms: number;
  trapHits: number;
  datesAsFigures: number;
}

const emptyTally = (): Tally => ({ files: 0, reports: 0, figureTP: 0, figureFP: 0, figureFN: 0, findingGold: 0, findingCaught: 0, falseAlarms: 0, trapHits: 0, datesAsFigures: 0 });

function add(tally: Tally, score: CorpusFileScore): void {
  tally.files++;
  tally.figureTP += score.figures.truePositives;
  tally.figureFP += score.figures.falsePositives.length;
  tally.figureFN += score.figures.falseNegatives.length;
  tally.findingGold += score.findings.truePositives.length + score.findings.falseNegatives.length;
  tally.findingCaught += score.findings.truePositives.length;
  tally.falseAlarms += score.findings.falsePositives.filter((finding) => finding.severity !== 'info').length;
  tally.trapHits += score.findings.trapHits.length;
  tally.datesAsFigures += score.nonFigures.length;
}

const percent = (part: number, whole: number) => (whole === 0 ? '    –  ' : `${((100 * part) / whole).toFixed(1)}%`.padStart(7));

function row(name: string, tally: Tally): string {
  const precision = percent(tally.figureTP, tally.figureTP + tally.figureFP);
  const recall = percent(tally.figureTP, tally.figureTP + tally.figureFN);
  const findingRecall = percent(tally.findingCaught, tally.findingGold);
  const perTen = tally.files === 0 ? '–' : ((10 * tally.falseAlarms) / tally.files).toFixed(2);
  return [
    name.padEnd(10),
    String(tally.files).padStart(5),
    String(tally.figureTP).padStart(6),
    String(tally.figureFP).padStart(5),
    String(tally.figureFN).padStart(5),
    precision,
    recall,
    `${tally.findingCaught}/${tally.findingGold}`.padStart(9),
    findingRecall,
    String(tally.falseAlarms).padStart(6),
    perTen.padStart(7),
    String(tally.trapHits).padStart(5),
    String(tally.datesAsFigures).padStart(6),
  ].join(' ');
}

const HEADER = [
  'part'.padEnd(10),
  'files'.padStart(5),
  'figTP'.padStart(6),
  'FP'.padStart(5),
  'FN'.padStart(5),
  'prec.'.padStart(7),
  'recall'.padStart(7),
  'findings'.padStart(9),
  'recall'.padStart(7),
  'alarms'.padStart(6),
  '/10 rep'.padStart(7),
  'traps'.padStart(5),
  'dates'.padStart(6),
].join(' ');

export async function runCorpusEval(root: string, argv: readonly string[]): Promise<CorpusSummary> {
  const { values } = parseArgs({
    args: [...argv],
    options: { formats: { type: 'string' }, ids: { type: 'string' }, group: { type: 'string' }, list: { type: 'boolean' }, json: { type: 'string' } },
    strict: false,
  });
  const formats = typeof values.formats === 'string' ? (values.formats.split(',') as CorpusFormat[]) : [...CORPUS_FORMATS];
  const ids = typeof values.ids === 'string' ? values.ids.split(',') : undefined;
  const reports = loadCorpus(root, { formats, ...(ids ? { ids } : {}) }).filter((report) => typeof values.group !== 'string' || groupOf(report.id) === values.group);

  console.log('\n=== Blind corpus (fixtures/corpus: written and annotated by helpers who never read src/ or rules/) ===\n');
  const scores: CorpusFileScore[] = [];
  const started = performance.now();
  for (const report of reports) for (const file of report.files) scores.push(await scoreCorpusFile(report, file));
  const seconds = ((performance.now() - started) / 1000).toFixed(0);

  const goldFigures = reports.reduce((sum, report) => sum + report.gold.figures.length, 0);
  const goldFindings = reports.reduce((sum, report) => sum + report.gold.findings.length, 0);
  console.log(`${reports.length} reports, ${scores.length} files (${seconds} s); gold: ${goldFigures} quantities (${reports.reduce((sum, report) => sum + report.gold.figures.filter((figure) => figure.metric !== null).length, 0)} with a metric), ${goldFindings} findings`);
  for (const [group, description] of Object.entries(CORPUS_GROUPS)) {
    const members = reports.filter((report) => groupOf(report.id) === group);
    if (members.length === 0) continue;
    const types = new Map<string, number>();
    for (const report of members) types.set(report.gold.metadata.doc_type, (types.get(report.gold.metadata.doc_type) ?? 0) + 1);
    console.log(`  ${group}: ${String(members.length).padStart(3)} reports — ${description} (${[...types].map(([type, count]) => `${count} ${type}`).join(', ')}); ${members.reduce((sum, report) => sum + report.gold.findings.length, 0)} findings in gold, ${members.filter((report) => report.gold.findings.length === 0).length} clean`);
  }

  const byFormat: Record<string, Tally> = {};
  const byGroup: Record<string, Tally> = {};
  const overall = emptyTally();
  for (const score of scores) {
    add((byFormat[score.format] ??= emptyTally()), score);
    add((byGroup[groupOf(score.id)] ??= emptyTally()), score);
    add(overall, score);
  }
  console.log(`\nFigures (catalog metrics) and findings (contract checks but ambiguous-number; alarms = error/warning findings not in the gold)\n${HEADER}`);
  for (const format of formats) if (byFormat[format]) console.log(row(format, byFormat[format]));
  for (const [group, tally] of Object.entries(byGroup)) console.log(row(`group ${group}`, tally));
  console.log('-'.repeat(HEADER.length));
  console.log(row('overall', overall));

  console.log('\nBy check, every format (like R validate: in gold, caught, missed, false alarms)');
  const checks = new Map<string, { gold: number; caught: number; alarms: number }>();
  const entry = (rule: string) => checks.get(rule) ?? (checks.set(rule, { gold: 0, caught: 0, alarms: 0 }), checks.get(rule)!);
  for (const score of scores) {
    for (const finding of score.findings.truePositives) entry(finding.rule).caught++;
    for (const finding of [...score.findings.truePositives, ...score.findings.falseNegatives]) entry(finding.rule).gold++;
    for (const finding of score.findings.falsePositives) if (finding.severity !== 'info') entry(finding.rule).alarms++;
  }
  console.log(`${'check'.padEnd(22)} ${'gold'.padStart(5)} ${'caught'.padStart(6)} ${'missed'.padStart(6)} ${'recall'.padStart(7)} ${'alarms'.padStart(6)}`);
  for (const [rule, tally] of [...checks].sort()) {
    console.log(`${rule.padEnd(22)} ${String(tally.gold).padStart(5)} ${String(tally.caught).padStart(6)} ${String(tally.gold - tally.caught).padStart(6)} ${percent(tally.caught, tally.gold)} ${String(tally.alarms).padStart(6)}`);
  }

  // Format invariance: the same report gives the same error and warning findings whatever produced the file.
  let identical = 0;
  const differing: string[] = [];
  const multiFormat = reports.filter((report) => report.files.filter((file) => file.format !== 'scan.pdf').length > 1);
  for (const report of multiFormat) {
    const own = scores.filter((score) => score.id === report.id && score.format !== 'scan.pdf');
    const signatures = own.map((score) => score.signature.join(' | '));
    if (new Set(signatures).size === 1) identical++;
    else differing.push(`${report.id}: ${own.map((score) => `${score.format}{${score.signature.join(', ')}}`).join(' ')}`);
  }
  console.log(`\nFormat invariance (error and warning findings identical in every format but the scan): ${identical}/${multiFormat.length} reports (${percent(identical, multiFormat.length).trim()})`);
  for (const line of differing.slice(0, values.list ? differing.length : 8)) console.log(`  ${line.slice(0, 400)}`);
  if (!values.list && differing.length > 8) console.log(`  … and ${differing.length - 8} more (--list)`);

  // Report identity (issue: who reported, for which period, what kind of document).
  const fields = ['unit_name', 'unit_level', 'district', 'province', 'doc_type', 'period', 'report_date'];
  console.log(`\nReport identity (fields read right / files)`);
  console.log(`${'group'.padEnd(8)} ${fields.map((field) => field.padStart(11)).join(' ')} ${'all four'.padStart(9)}`);
  let allFourRight = 0;
  for (const group of [...Object.keys(CORPUS_GROUPS), 'all']) {
    const members = scores.filter((score) => group === 'all' || groupOf(score.id) === group);
    if (members.length === 0) continue;
    const right = fields.map((field) => members.filter((score) => metadataRight(score.metadata.find((entry) => entry.field === field)!)).length);
    const four = members.filter((score) => ['unit_name', 'unit_level', 'period', 'doc_type'].every((field) => metadataRight(score.metadata.find((entry) => entry.field === field)!))).length;
    if (group === 'all') allFourRight = four;
    console.log(`${group.padEnd(8)} ${right.map((count) => `${count}/${members.length}`.padStart(11)).join(' ')} ${percent(four, members.length)}`);
  }

  // Checks across reports, on the fixture province (the p-group, one rendering of each report, src/eval/province.ts):
  // on the gold's own figures (what the checks do) and on the figures the pipeline read (what a batch gets).
  const province = provinceBatch(root);
  const provinceResults = province.map((file) => scores.find((score) => score.id === file.id && `${file.id}.${score.format}` === file.source.replace(/^.*\//u, ''))?.result);
  if (provinceResults.every((result) => result !== undefined)) {
    const gold = provinceGold(root);
    const onGold = scoreBatchFindings(analyseDocuments(goldDocuments(root)).findings, gold);
    const onPipeline = scoreBatchFindings(analyseDocuments(provinceResults.map((result, index) => ({ ...result!, file: province[index]!.name }))).findings, gold);
    console.log(`\nChecks across reports, fixture province (${province.length} reports, mixed formats; fixtures/corpus/gold/batch-province.json)`);
    console.log(`  on the gold's figures:     ${scoreLine(onGold)}`);
    console.log(`  on the pipeline's figures: ${scoreLine(onPipeline)}`);
    if (values.list) {
      for (const missed of onPipeline.missed) console.log(`    missed ${missed.rule} [${missed.values.join(';')}] ${missed.unit ?? ''}`);
      for (const entry of onPipeline.falsePositives) console.log(`    ALARM${entry.silent ? ' (consistent place)' : ''} ${entry.finding.rule} [${entry.finding.values.join(';')}] ${entry.finding.message.slice(0, 150)}`);
    }
  }

  if (values.list) {
    for (const score of scores) {
      const lines = [
        ...score.findings.falseNegatives.map((finding) => `  missed ${finding.rule} [${finding.values.join(';')}] ${finding.note.slice(0, 150)}`),
        ...score.findings.falsePositives.filter((finding) => finding.severity !== 'info').map((finding) => `  ALARM  ${finding.rule} [${finding.values.join(';')}] ${finding.message.slice(0, 150)}`),
        ...score.nonFigures.map(({ figure, notFigure }) => `  date/non-figure «${figure.raw}» as ${figure.metric} (gold: ${notFigure})`),
        ...score.metadata.filter((entry) => !metadataRight(entry)).map((entry) => `  identity ${entry.field}: ${JSON.stringify(entry.expected)} → ${JSON.stringify(entry.actual)}`),
      ];
      if (lines.length > 0) console.log(`\n== ${score.id}.${score.format}\n${lines.join('\n')}`);
    }
  }

  const summary: CorpusSummary = { reports: reports.length, files: scores.length, byFormat, byGroup, overall, invariance: { reports: multiFormat.length, identical }, identity: { files: scores.length, allFourRight } };
  if (typeof values.json === 'string') writeFileSync(values.json, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

if (process.argv[1]?.endsWith('eval-corpus.ts')) await runCorpusEval(join(import.meta.dirname, '..'), process.argv.slice(2));
