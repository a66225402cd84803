/**
 * `npm run screenshots`: runs `solieu run fixtures/reports` into a temporary folder, opens its report.html in
 * Debian's chromium and saves the pictures the README shows:
 *
 *   docs/report-overview.png   the overview (totals, files to act on, filters, one row per report)
 *   docs/report-finding.png    one finding — the seed case `ratio-mismatch` when the checks report it, else the
 *                              most telling one there is (a check before an ingest note, an error before the rest,
 *                              one quoted from a PDF page before one without)
 *
 *   docs/province-overview.png the province overview of the fixture province (src/eval/province.ts): the findings
 *                              across its reports first, then the charts — findings by check, a rate by unit, one
 *                              unit's series over the months
 *
 * Re-run it whenever the page or the checks change; look at the pictures before committing them.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResultsSchema, type DocumentResult, type Finding } from '../src/model/index.ts';
import { launchChromium, type Chromium } from '../test/support/chromium.ts';
import { assembleProvince } from '../src/eval/province.ts';

const root = resolve(import.meta.dirname, '..');
const docs = join(root, 'docs');

function tellingness(document: DocumentResult, finding: Finding): number {
  const quotedFromPdfPage = document.source?.format === 'pdf' && finding.evidence.some((evidence) => evidence.location.page !== undefined);
  return (
    (finding.rule === 'ratio-mismatch' ? 16 : 0) +
    (finding.rule.startsWith('ingest.') ? 0 : 8) +
    (finding.severity === 'error' ? 4 : 0) +
    (quotedFromPdfPage ? 2 : 0) +
    (finding.evidence.length > 0 ? 1 : 0)
  );
}

async function main(): Promise<void> {
  const out = await mkdtemp(join(tmpdir(), 'solieu-screenshots-'));
  try {
    const run = spawnSync(process.execPath, [join(root, 'bin/solieu.mjs'), 'run', 'fixtures/reports', '--out', out, '--no-cache'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`solieu run exited with ${run.status}`);
    const results = ResultsSchema.parse(JSON.parse(await readFile(join(out, 'results.json'), 'utf8')));

    let chosen: { finding: Finding; score: number } | undefined;
    for (const document of results.documents) {
      for (const finding of document.findings) {
        const score = tellingness(document, finding);
        if (!chosen || score > chosen.score) chosen = { finding, score };
      }
    }

    await mkdir(docs, { recursive: true });
    const browser = await launchChromium({ width: 1280, height: 900 });
    try {
      const page = await browser.context.newPage();
      const reportUrl = pathToFileURL(join(out, 'report.html')).href;
      await page.goto(reportUrl);
      await page.waitForSelector('#reports-body tr');
      await page.screenshot({ path: join(docs, 'report-overview.png'), fullPage: true });
      console.log('docs/report-overview.png');

      if (!chosen) {
        console.log('no finding in fixtures/reports: docs/report-finding.png not made');
        return;
      }
      await page.goto(`${reportUrl}#phat-hien-${chosen.finding.fingerprint}`);
      const card = page.locator(`article[data-fingerprint="${chosen.finding.fingerprint}"]`);
      await card.waitFor();
      // The ring that marks a finding opened by its link would only distract in a picture.
      await card.evaluate((node) => node.classList.remove('is-target'));
      const box = await card.boundingBox();
      if (!box) throw new Error('the finding is not on screen');
      // boundingBox is relative to the viewport, a full-page clip to the page: add how far the page is scrolled.
      const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
      box.x += scroll.x;
      box.y += scroll.y;
      const margin = 12;
      await page.screenshot({
        path: join(docs, 'report-finding.png'),
        fullPage: true,
        clip: { x: Math.max(0, box.x - margin), y: Math.max(0, box.y - margin), width: box.width + 2 * margin, height: box.height + 2 * margin },
      });
      console.log(`docs/report-finding.png (${chosen.finding.rule}: ${chosen.finding.message})`);
      await provinceShots(browser);
    } finally {
      await browser.close();
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The fixture province, mixed formats, through `solieu run`; its overview section as the README shows it. */
async function provinceShots(browser: Chromium): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'solieu-province-shots-'));
  try {
    assembleProvince(root, join(work, 'in'));
    const run = spawnSync(process.execPath, [join(root, 'bin/solieu.mjs'), 'run', join(work, 'in'), '--out', join(work, 'out'), '--no-cache', '-q'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) throw new Error(`solieu run exited with ${run.status}`);
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(join(work, 'out', 'report.html')).href);
    await page.waitForSelector('#chart-series svg');
    // The charts and the first findings across reports: what the page opens on for a province.
    const box = await page.locator('#province').boundingBox();
    if (!box) throw new Error('no province overview on the page');
    await page.screenshot({ path: join(docs, 'province-overview.png'), fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1500) } });
    console.log('docs/province-overview.png');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
