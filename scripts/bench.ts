/**
 * `npm run bench -- --reports N [--seed S] [--repeat K] [--results FILE | --no-results] [--skip-jobs1-all]`
 *
 * Generates (or reuses) a seeded corpus of N reports, half PDF and half DOCX, then measures, each in a process
 * of its own so that peak RSS is the run's own (the pipeline runs the same bundle as `solieu run`), the first
 * four K times in turn, keeping each one's median (times on this shared machine drift by ±15% run to run):
 *   - pdf.js text extraction alone over the PDFs (the floor), and poppler's pdftotext when installed;
 *   - the whole pipeline with --jobs 1 over the PDFs only (against that floor);
 *   - the whole pipeline with --jobs 1 and --jobs 2 over every report, no cache (scaling);
 *   - a first run with the cache into a fresh folder and the cached re-run of it;
 *   - OCR: the bundled scan (fixtures/reports/scan) with --jobs 1, seconds per page, and how many of the figures
 *     its text-layer original (seed-003.pdf) gives the scan gives too;
 * and writes the table, the machine and the command to bench/RESULTS.md (between markers, so the notes
 * around it stay). It also says how many of the planted inconsistencies the run flagged.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus, type GeneratedReport } from './bench/generate.ts';
import { ocrCacheKey } from '../src/ingest/ocr-options.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The seed texts are committed as fixtures/reports/seed-NNN.txt (the only .txt files at its top level).
const SEEDS_DIR = process.env.SOLIEU_SEEDS ?? resolve(REPO, 'fixtures', 'reports');

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '100' },
    seed: { type: 'string', default: '6' },
    results: { type: 'string', default: join(REPO, 'bench', 'RESULTS.md') },
    'no-results': { type: 'boolean', default: false },
    'skip-jobs1-all': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    'cache-root': { type: 'string', default: join(tmpdir(), 'solieu-bench') },
  },
});
const n = Number(values.reports);
const seed = Number(values.seed);
const repeat = Number(values.repeat);
if (!Number.isInteger(n) || n < 1) throw new Error(`--reports must be a positive integer, got ${values.reports}`);
if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be a positive integer, got ${values.repeat}`);

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');

interface RunStats {
  stats: {
    files: number;
    pages: number;
    parsed: number;
    cacheHits: number;
    elapsedMs: number;
    workers: number;
    stageMs: { ingestMs: number; normalizeMs: number; extractMs: number; checkMs: number; reportMs: number };
    bySeverity: Record<string, number>;
  };
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  loadBefore: string;
}

function runChild(script: string, argument: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    // The floor (a .mjs) runs on plain Node: a loader hook between pdf.js and V8 would handicap it.
    const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const child = spawn(process.execPath, [...loader, join(REPO, 'scripts', 'bench', script), argument], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise(output.trim().split('\n').at(-1) ?? '') : reject(new Error(`${script} exited with ${code}`))));
  });
}

async function pipelineRun(label: string, inputs: string[], outDir: string, jobs: number, cache: boolean): Promise<RunStats> {
  const loadBefore = load();
  log(`${label} (load ${loadBefore}) …`);
  const line = await runChild('run-once.mjs', JSON.stringify({ inputs, outDir, jobs, cache }));
  const result = { ...(JSON.parse(line) as Omit<RunStats, 'loadBefore'>), loadBefore };
  log(`${label}: ${(result.stats.elapsedMs / 1000).toFixed(1)} s, ${result.stats.pages} pages, peak RSS ${result.peakRssMb.toFixed(0)} MB`);
  return result;
}

const corpus = await generateCorpus({ seed, n, cacheRoot: values['cache-root'], seedsDir: SEEDS_DIR, log });
log(corpus.reused ? `reusing corpus ${corpus.dir}` : `generated ${n} reports in ${(corpus.generatedMs / 1000).toFixed(1)} s into ${corpus.dir}`);
const pdfDir = join(corpus.dir, 'pdf');
const docxDir = join(corpus.dir, 'docx');
const allInputs = [pdfDir, docxDir].filter((dir) => existsSync(dir));
const pdfFiles = corpus.reports.filter((report) => report.format === 'pdf').map((report) => join(corpus.dir, report.file));
const work = join(values['cache-root'], `runs-${process.pid}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// 1. The floors and 2. the pipeline, in turn, `repeat` times: whatever else the machine does then is
// spread over all of them rather than landing on one.
const listFile = join(work, 'pdfs.json');
writeFileSync(listFile, JSON.stringify(pdfFiles));
interface FloorRun {
  files: number;
  pages: number;
  elapsedMs: number;
  importMs: number;
  peakRssMb: number;
  loadBefore: string;
}
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const median = <T>(runs: T[], timeOf: (run: T) => number): T => [...runs].sort((a, b) => timeOf(a) - timeOf(b))[Math.floor((runs.length - 1) / 2)]!;
const floorRuns: FloorRun[] = [];
const pdftotextRuns: Array<{ elapsedMs: number; loadBefore: string }> = [];
const pdfOnlyJobs1Runs: RunStats[] = [];
const allJobs1Runs: RunStats[] = [];
const allJobs2Runs: RunStats[] = [];
const ocrRuns: RunStats[] = [];
const SCAN_DIR = join(REPO, 'fixtures', 'reports', 'scan');
const SCAN_ORIGINAL = join(REPO, 'fixtures', 'reports', 'seed-003.pdf');
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
for (let round = 1; round <= repeat; round++) {
  const of = repeat > 1 ? ` [${round}/${repeat}]` : '';
  const pdfjsLoad = load();
  log(`pdf.js alone over ${pdfFiles.length} PDFs${of} (load ${pdfjsLoad}) …`);
  const floor = { ...(JSON.parse(await runChild('pdfjs-extract.mjs', listFile)) as Omit<FloorRun, 'loadBefore'>), loadBefore: pdfjsLoad };
  floorRuns.push(floor);
  log(`pdf.js alone: ${(floor.importMs / 1000).toFixed(1)} s to load, ${(floor.elapsedMs / 1000).toFixed(1)} s for ${floor.pages} pages`);
  if (hasPdftotext) {
    const loadBefore = load();
    const startedAt = performance.now();
    for (const file of pdfFiles) spawnSync('pdftotext', ['-q', '-enc', 'UTF-8', file, '-'], { stdio: 'ignore' });
    pdftotextRuns.push({ elapsedMs: performance.now() - startedAt, loadBefore });
    log(`pdftotext: ${(pdftotextRuns.at(-1)!.elapsedMs / 1000).toFixed(1)} s`);
  }
  pdfOnlyJobs1Runs.push(await pipelineRun(`pipeline --jobs 1, PDFs only, no cache${of}`, [pdfDir], join(work, 'out-pdf-j1'), 1, false));
  if (!values['skip-jobs1-all']) allJobs1Runs.push(await pipelineRun(`pipeline --jobs 1, all, no cache${of}`, allInputs, join(work, 'out-all-j1'), 1, false));
  allJobs2Runs.push(await pipelineRun(`pipeline --jobs 2, all, no cache${of}`, allInputs, join(work, 'out-all-j2'), 2, false));
  if (existsSync(SCAN_DIR)) ocrRuns.push(await pipelineRun(`OCR: the bundled scan, --jobs 1, no cache${of}`, [SCAN_DIR], join(work, 'out-ocr'), 1, false));
}
const pdfjs = median(floorRuns, (run) => run.importMs + run.elapsedMs);
const pdftotext = pdftotextRuns.length > 0 ? median(pdftotextRuns, (run) => run.elapsedMs) : undefined;
const elapsed = (run: RunStats) => run.stats.elapsedMs;
const pdfOnlyJobs1 = median(pdfOnlyJobs1Runs, elapsed);
const allJobs1 = allJobs1Runs.length > 0 ? median(allJobs1Runs, elapsed) : undefined;
const allJobs2 = median(allJobs2Runs, elapsed);
const spread = (runs: RunStats[]) => (runs.length > 1 ? ` (${runs.map((run) => seconds(run.stats.elapsedMs)).join(', ')})` : '');
let firstCached = await pipelineRun('pipeline --jobs 2, all, first run with cache', allInputs, join(work, 'out-cached'), 2, true);
let reRun = await pipelineRun('pipeline --jobs 2, all, cached re-run', allInputs, join(work, 'out-cached'), 2, true);
// The cache key includes a hash of src/ and rules/: an edit there between the two runs (a developer, or
// another session working in the same tree) rightly starts the cache cold. Measure the pair once more.
let cacheRetried = false;
if (reRun.stats.cacheHits < firstCached.stats.parsed) {
  log(`the re-run found ${reRun.stats.cacheHits} of ${firstCached.stats.parsed} files in the cache (the code changed in between?); measuring the pair again`);
  cacheRetried = true;
  rmSync(join(work, 'out-cached'), { recursive: true, force: true });
  firstCached = await pipelineRun('pipeline --jobs 2, all, first run with cache (again)', allInputs, join(work, 'out-cached'), 2, true);
  reRun = await pipelineRun('pipeline --jobs 2, all, cached re-run (again)', allInputs, join(work, 'out-cached'), 2, true);
}

// The scan's figures against its text-layer original's: (metric, value) pairs, each used once.
interface FigureLike { metric?: string; value?: number }
const figuresOf = (outDir: string): FigureLike[] =>
  (JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as { documents: Array<{ figures: FigureLike[] }> }).documents.flatMap((document) => document.figures);
let ocrFigures: { matched: number; original: number; read: number } | undefined;
if (ocrRuns.length > 0 && existsSync(SCAN_ORIGINAL)) {
  await pipelineRun('the scan\'s original with its text layer (for the figures OCR should find)', [SCAN_ORIGINAL], join(work, 'out-ocr-original'), 1, false);
  const key = (figure: FigureLike) => `${figure.metric}=${figure.value}`;
  const pool = figuresOf(join(work, 'out-ocr')).map(key);
  const original = figuresOf(join(work, 'out-ocr-original')).map(key);
  const read = pool.length;
  let matched = 0;
  for (const wanted of original) {
    const at = pool.indexOf(wanted);
    if (at !== -1) {
      pool.splice(at, 1);
      matched++;
    }
  }
  ocrFigures = { matched, original: original.length, read };
}

// 3. Sanity: how many planted inconsistencies were flagged, and how many checks of those kinds fired elsewhere.
const results = JSON.parse(readFileSync(join(work, 'out-cached', 'results.json'), 'utf8')) as {
  documents: Array<{ file: string; findings: Array<{ rule: string; values: unknown[] }> }>;
};
const byFile = new Map(results.documents.map((document) => [document.file, document]));
const planted = corpus.reports.filter((report): report is Required<GeneratedReport> => report.planted !== undefined);
const plantedFiles = new Set(planted.map((report) => report.file.split('/').at(-1)!));
let flagged = 0;
const missed: string[] = [];
for (const report of planted) {
  const document = byFile.get(report.file.split('/').at(-1)!);
  const hit = document?.findings.some((finding) => finding.rule === report.planted.rule && JSON.stringify(finding.values) === JSON.stringify(report.planted.values));
  if (hit) flagged++;
  else missed.push(`${report.file} (${report.planted.kind})`);
}
const strayArithmetic = results.documents
  .filter((document) => !plantedFiles.has(document.file))
  .reduce((total, document) => total + document.findings.filter((finding) => finding.rule === 'ratio-mismatch' || finding.rule === 'sum-mismatch').length, 0);
const plantedByKind = new Map<string, { planted: number; flagged: number }>();
for (const report of planted) {
  const entry = plantedByKind.get(report.planted.kind) ?? { planted: 0, flagged: 0 };
  entry.planted++;
  if (!missed.some((line) => line.startsWith(report.file))) entry.flagged++;
  plantedByKind.set(report.planted.kind, entry);
}

// 4. The table.
const totalPages = firstCached.stats.pages;
const stage = firstCached.stats.stageMs;
const stageTotal = stage.ingestMs + stage.normalizeMs + stage.extractMs + stage.checkMs;
const pct = (ms: number) => `${((100 * ms) / stageTotal).toFixed(1)}%`;
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
// Pages are counted for PDFs only: a DOCX has no pages until a word processor lays it out.
const pagesPerReport = pdfjs.pages / Math.max(1, pdfFiles.length);
const projected1000 = (allJobs2.stats.elapsedMs / n) * 1000 * (8 / pagesPerReport);
// Ratios are taken within each round (runs minutes apart can differ by a third on this machine), and
// their median reported with every round's value.
const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const roundRatios = (a: number[], b: number[]) => a.map((value, index) => value / b[index]!);
const scalingByRound = allJobs1Runs.length > 0 ? roundRatios(allJobs1Runs.map(elapsed), allJobs2Runs.map(elapsed)) : [];
const scaling = scalingByRound.length > 0 ? medianOf(scalingByRound) : undefined;
const listRatios = (values: number[]) => (values.length > 1 ? `, rounds ${values.map((value) => value.toFixed(2)).join(', ')}` : '');
// pdf.js's own load counts in the floor: the pipeline's time includes its worker loading pdf.js too.
const floorMs = pdfjs.importMs + pdfjs.elapsedMs;
const floorRatioByRound = roundRatios(pdfOnlyJobs1Runs.map(elapsed), floorRuns.map((run) => run.importMs + run.elapsedMs));
const floorRatio = medianOf(floorRatioByRound);
const extractionOnlyRatio = medianOf(roundRatios(pdfOnlyJobs1Runs.map(elapsed), floorRuns.map((run) => run.elapsedMs)));
const peakRss = Math.max(pdfOnlyJobs1.peakRssMb, allJobs1?.peakRssMb ?? 0, allJobs2.peakRssMb, firstCached.peakRssMb, reRun.peakRssMb);
const cachedShare = reRun.stats.elapsedMs / firstCached.stats.elapsedMs;
const ocr = ocrRuns.length > 0 ? median(ocrRuns, elapsed) : undefined;
const ocrSecondsPerPage = ocr && ocr.stats.pages > 0 ? ocr.stats.elapsedMs / 1000 / ocr.stats.pages : undefined;
const ocrEngine = ocrCacheKey(undefined).split('_')[1] ?? 'unknown';

const command = `npm run bench -- --reports ${n} --seed ${seed}${repeat > 1 ? ` --repeat ${repeat}` : ''}${values['skip-jobs1-all'] ? ' --skip-jobs1-all' : ''}`;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  `### N = ${n} (seed ${seed}) — ${new Date().toISOString()}`,
  '',
  `Command: \`${command}\`  `,
  `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}, Node ${process.versions.node}  `,
  `Corpus: ${n} reports (${pdfFiles.length} PDF, ${n - pdfFiles.length} DOCX), ${totalPages} PDF pages (${pagesPerReport.toFixed(1)} per PDF; DOCX files have no page count and add none), ${planted.length} with a planted inconsistency${corpus.reused ? ' (reused from cache)' : `; generated in ${seconds(corpus.generatedMs)} s`}`,
  '',
  '| Measurement | Files | Pages | Time (s) | Files/s | Pages/s | CPU (s), all threads | Peak RSS (MB) | Load avg before |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  `| pdf.js getTextContent alone (plain Node), PDFs, 1 thread: load ${seconds(pdfjs.importMs)} s + extraction ${seconds(pdfjs.elapsedMs)} s${floorRuns.length > 1 ? ` (${floorRuns.map((run) => seconds(run.importMs + run.elapsedMs)).join(', ')})` : ''} | ${pdfjs.files} | ${pdfjs.pages} | ${seconds(floorMs)} | ${(pdfjs.files / (floorMs / 1000)).toFixed(2)} | ${(pdfjs.pages / (floorMs / 1000)).toFixed(1)} | – | ${pdfjs.peakRssMb.toFixed(0)} | ${pdfjs.loadBefore} |`,
  ...(pdftotext
    ? [`| poppler pdftotext, PDFs, one process per file | ${pdfFiles.length} | ${pdfjs.pages} | ${seconds(pdftotext.elapsedMs)} | ${(pdfFiles.length / (pdftotext.elapsedMs / 1000)).toFixed(2)} | ${(pdfjs.pages / (pdftotext.elapsedMs / 1000)).toFixed(1)} | – | – | ${pdftotext.loadBefore} |`]
    : ['| poppler pdftotext | not installed | | | | | | | |']),
  ...[
    [`pipeline --jobs 1, PDFs only, no cache${spread(pdfOnlyJobs1Runs)}`, pdfOnlyJobs1],
    [`pipeline --jobs 1, all, no cache${spread(allJobs1Runs)}`, allJobs1],
    [`pipeline --jobs 2, all, no cache${spread(allJobs2Runs)}`, allJobs2],
    ['pipeline --jobs 2, all, first run with cache', firstCached],
    ['pipeline --jobs 2, all, cached re-run', reRun],
    [`OCR (${ocrEngine}): the bundled scan, --jobs 1, no cache${ocrRuns.length > 0 ? spread(ocrRuns) : ''}`, ocr],
  ].flatMap(([label, run]) => {
    if (!run || typeof run === 'string') return [];
    const { stats } = run;
    const s = stats.elapsedMs / 1000;
    return [`| ${label} | ${stats.files} | ${stats.pages} | ${s.toFixed(1)} | ${(stats.files / s).toFixed(2)} | ${(stats.pages / s).toFixed(1)} | ${seconds(run.cpuMs)} | ${run.peakRssMb.toFixed(0)} | ${run.loadBefore} |`];
  }),
  '',
  `Time per stage (first run with cache, --jobs 2; summed over files, i.e. worker-thread time): ingest ${seconds(stage.ingestMs)} s (${pct(stage.ingestMs)}), normalize ${seconds(stage.normalizeMs)} s (${pct(stage.normalizeMs)}), extract ${seconds(stage.extractMs)} s (${pct(stage.extractMs)}), check ${seconds(stage.checkMs)} s (${pct(stage.checkMs)}); report writing (main thread) ${seconds(stage.reportMs)} s.`,
  '',
  `Planted inconsistencies flagged: ${flagged}/${planted.length} (${[...plantedByKind].map(([kind, entry]) => `${kind} ${entry.flagged}/${entry.planted}`).join(', ')}); ratio/sum findings on reports with nothing planted: ${strayArithmetic}.${missed.length ? ` Missed: ${missed.slice(0, 8).join(', ')}${missed.length > 8 ? ', …' : ''}.` : ''}`,
  '',
  '| Target | Measured | Verdict |',
  '|---|---|---|',
  `| --jobs 1 ≤ 1.4 × pdf.js alone (PDFs) | ${floorRatio.toFixed(2)} × against load + extraction${listRatios(floorRatioByRound)} (${extractionOnlyRatio.toFixed(2)} × against extraction only) | ${verdict(floorRatio <= 1.4)} |`,
  `| --jobs 2 ≥ 1.6 × --jobs 1 (all reports) | ${scaling === undefined ? 'not measured (--skip-jobs1-all)' : `${scaling.toFixed(2)} ×${listRatios(scalingByRound)} (--jobs 1 kept ${(allJobs1!.cpuMs / allJobs1!.stats.elapsedMs).toFixed(2)} cores busy, so at most ${((2 * allJobs1!.stats.elapsedMs) / allJobs2.cpuMs).toFixed(2)} × with --jobs 2's CPU time)`} | ${scaling === undefined ? '–' : verdict(scaling >= 1.6)} |`,
  `| 1,000 reports of ~8 pages ≤ 30 s (--jobs 2) | ${n >= 1000 ? `${seconds(allJobs2.stats.elapsedMs)} s measured` : `${seconds(projected1000)} s projected from N = ${n} at --jobs 2, scaled to 8 pages/report`} | ${verdict(projected1000 <= 30_000)} |`,
  `| OCR ≤ 1.5 s per page on the bundled scan (figures: none fewer than the section before) | ${ocrSecondsPerPage === undefined ? 'not measured (no scan)' : `${ocrSecondsPerPage.toFixed(2)} s per page (${ocr!.stats.pages} pages, ${ocrEngine})${listRatios(ocrRuns.map((run) => run.stats.elapsedMs / 1000 / Math.max(1, run.stats.pages)))}; ${ocrFigures ? `${ocrFigures.matched} of the ${ocrFigures.original} figures seed-003.pdf gives (${ocrFigures.read} read from the scan)` : 'figures not compared'}`} | ${ocrSecondsPerPage === undefined ? '–' : verdict(ocrSecondsPerPage <= 1.5)} |`,
  `| peak RSS ≤ 500 MB | ${peakRss.toFixed(0)} MB (highest of the pipeline runs) | ${verdict(peakRss <= 500)} |`,
  `| cached re-run ≤ 5% of the first run | ${(100 * cachedShare).toFixed(1)}% (${seconds(reRun.stats.elapsedMs)} s / ${seconds(firstCached.stats.elapsedMs)} s; ${reRun.stats.cacheHits}/${reRun.stats.files} from the cache${cacheRetried ? '; pair measured twice, the code changed during the first' : ''}) | ${verdict(cachedShare <= 0.05)} |`,
  '',
];
const section = lines.join('\n');
process.stdout.write(`${section}\n`);

if (!values['no-results']) {
  const path = values.results;
  mkdirSync(dirname(path), { recursive: true });
  const begin = '<!-- bench:results:begin -->';
  const end = '<!-- bench:results:end -->';
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmark results\n\n${begin}\n${end}\n`;
  const at = existing.indexOf(end);
  const updated = at === -1 ? `${existing}\n${begin}\n${section}\n${end}\n` : `${existing.slice(0, at)}${section}\n${existing.slice(at)}`;
  writeFileSync(path, updated);
  log(`appended to ${path}`);
}
rmSync(work, { recursive: true, force: true });
