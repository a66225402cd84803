import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewSchema } from '../src/batch/baseline.ts';
import { fingerprintOf, type DocumentResult, type Finding } from '../src/model/index.ts';
import { jsonForScriptBlock, reportHtml } from '../src/report/html.ts';
import { fileUrl, highlightRanges } from '../src/report/html/page-data.ts';
import { chromiumIsInstalled, CHROMIUM_PATH, launchChromium, type Chromium } from './support/chromium.ts';
import { readCsvRecords } from './support/read-csv.ts';

/**
 * report.html, the auditors' page: first what it is made of (highlights, file: links, the JSON block), then
 * the page itself in a real browser — Debian's chromium driven by playwright-core — opened from disk: no
 * request leaves the machine, report text stays text, the filters, a dismissal with a note, the export of
 * review.json, and a re-run with --baseline that takes the dismissed finding off the page and out of
 * findings.csv.
 */

const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'bin/solieu.mjs');
const FIXTURES = join(root, 'fixtures/reports');

const chromiumPresent = chromiumIsInstalled();
const inCi = Boolean(process.env.CI);
if (!chromiumPresent && !inCi) {
  console.warn(`\n*** report-html.test.ts: ${CHROMIUM_PATH} is missing, SKIPPING the browser tests (apt-get install chromium) ***\n`);
}

/** "Năm 2023: 6.702/6.715 hồ sơ = 91%;": mark the slices of `quote` that `marks` points at. */
function slices(quote: string, ranges: ReadonlyArray<readonly [number, number]>): string[] {
  return ranges.map(([start, end]) => quote.slice(start, end));
}

describe('what report.html is made of', () => {
  it('marks the numbers of a finding in its quote, in Vietnamese notation, with the % that follows', () => {
    const quote = 'Năm 2023: 6.702/6.715 hồ sơ = 91%; năm 2022: 6.065/6588 hồ sơ = 92%';
    const { marks, statement } = highlightRanges({ quote, location: { page: 3, line: 15 } }, [6702, 6715, 91]);
    expect(slices(quote, marks)).toEqual(['6.702', '6.715', '91%']);
    expect(statement).toBeUndefined();
  });

  it('marks the statement from the location only when the location really points into the quote', () => {
    const quote = 'Năm 2023: 6.702/6.715 hồ sơ = 91%;';
    const start = quote.indexOf('6.702');
    const end = quote.indexOf(';');
    expect(highlightRanges({ quote, location: { line: 1, start, end } }, [6702, 6715, 91]).statement).toEqual([start, end]);
    // Offsets into a table cell ("6.702/6.715 hồ sơ = 91%"), not into the quoted row: no statement, numbers still marked.
    const cellRelative = highlightRanges({ quote, location: { line: 1, start: 0, end: 23 } }, [6702, 6715, 91]);
    expect(cellRelative.statement).toBeUndefined();
    expect(slices(quote, cellRelative.marks)).toEqual(['6.702', '6.715', '91%']);
  });

  it('does not mark digits inside units or words, and reads "05" as 5', () => {
    const quote = 'diện tích 2 km2, xây dựng 05 mô hình, đạt 5 %';
    expect(slices(quote, highlightRanges({ quote, location: { line: 1 } }, [2, 5]).marks)).toEqual(['2', '05', '5 %']);
  });

  it('builds file: links for Windows and POSIX paths, percent-encoding spaces, Vietnamese letters, # and %', () => {
    expect(fileUrl('C:\\Báo cáo\\Quý 1\\Giếng Đáy.pdf', true)).toBe('file:///C:/B%C3%A1o%20c%C3%A1o/Qu%C3%BD%201/Gi%E1%BA%BFng%20%C4%90%C3%A1y.pdf');
    expect(fileUrl('\\\\server\\share\\báo cáo.pdf', true)).toBe('file://server/share/b%C3%A1o%20c%C3%A1o.pdf');
    expect(fileUrl('/data/Báo cáo #2 100%.pdf', false)).toBe('file:///data/B%C3%A1o%20c%C3%A1o%20%232%20100%25.pdf');
  });

  it('embeds JSON that cannot close its script block or open a comment', () => {
    const value = { quote: '</script><script>alert(1)</script><!-- & -->', line: '\u2028' };
    const embedded = jsonForScriptBlock(value);
    expect(embedded).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(embedded)).toEqual(value);
  });
});

// ---------------------------------------------------------------------------------------------------------

interface PageWatch {
  requests: string[];
  dialogs: string[];
  errors: string[];
}

/** A new tab that records every request it makes, every dialog (an alert() would be one) and every error. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; seen: PageWatch }> {
  const seen: PageWatch = { requests: [], dialogs: [], errors: [] };
  const page = await context.newPage();
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  // Content-Security-Policy refusals are reported as console errors.
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  return { page, seen };
}

function expectNothingLeftTheMachine(seen: PageWatch): void {
  expect(seen.requests.length).toBeGreaterThan(0);
  expect(seen.requests.filter((url) => !/^(file|blob|data):/.test(url))).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
}

/** The path → URL conversion done independently of the page's code: encodeURI percent-encodes UTF-8 and spaces. */
function expectedFileUrl(absolutePath: string): string {
  return `file://${encodeURI(absolutePath)}`;
}

async function visibleFiles(page: Page): Promise<string[]> {
  return page.locator('#reports-body tr[data-file]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-file') ?? ''));
}

describe('report.html in Chromium', () => {
  it.runIf(inCi)('has Debian chromium to run in (CI installs it; a missing browser is a failure, not a skip)', () => {
    expect(chromiumPresent, `${CHROMIUM_PATH} is missing: apt-get install chromium`).toBe(true);
  });

  describe.skipIf(!chromiumPresent && !inCi)('opened from disk', () => {
    let browser: Chromium;
    let work: string;

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'solieu-report-html-'));
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('shows a finding with its recomputed numbers, highlighted evidence and PDF link, and report text as text', async () => {
      const file = 'huyện A/Báo cáo Giếng Đáy.pdf';
      const absolutePath = join(work, 'in', 'huyện A', 'Báo cáo Giếng Đáy.pdf');
      const ratio: Finding = {
        rule: 'ratio-mismatch',
        severity: 'error',
        fatal: false,
        message: 'Tỷ lệ nêu là 91% nhưng 6.702/6.715 = 99,81%',
        values: [6702, 6715, 91],
        expected: 99.81,
        evidence: [{ quote: 'Năm 2023: 6.702/6.715 hồ sơ = 91%;', location: { page: 3, line: 15 } }],
        fingerprint: fingerprintOf(file, 'ratio-mismatch', [6702, 6715, 91]),
      };
      const hostile: Finding = {
        rule: 'conflicting-values',
        severity: 'warning',
        fatal: false,
        message: '<script>alert(1)</script> hai giá trị 12 và 13',
        values: [12, 13],
        why: 'Cùng chỉ tiêu, cùng kỳ: <i>buổi</i> tuyên truyền.',
        evidence: [
          { quote: 'Có 12 buổi </script><script>alert(2)</script>', location: { page: 4, line: 2 } },
          { quote: '<!-- <img src=x onerror=alert(3)> --> 13 buổi', location: { page: 9, line: 30, endLine: 31 } },
        ],
        fingerprint: fingerprintOf(file, 'conflicting-values', [12, 13]),
      };
      const documents: DocumentResult[] = [
        {
          file,
          status: 'ok',
          source: { path: file, format: 'pdf', sha256: '0'.repeat(64), bytes: 1, pages: 14 },
          metadata: { unitName: '<b>Giếng Đáy</b>', unitLevel: 'phường', province: 'Quảng Ninh', period: '2022-2023' },
          figures: [],
          findings: [hostile, ratio],
        },
        { file: '<script>alert(4)</script>.txt', status: 'ok', metadata: {}, figures: [], findings: [] },
      ];
      const pagePath = join(work, 'synthetic', 'report.html');
      await mkdir(join(work, 'synthetic'));
      await writeFile(pagePath, reportHtml(documents, new Date('2025-05-02T03:04:05Z'), { sourcePaths: [absolutePath, undefined], windowsPaths: false }));

      const { page, seen } = await watchedPage(browser.context);
      await page.goto(`${expectedFileUrl(pagePath)}#bao-cao-0`);

      const card = page.locator(`article[data-fingerprint="${ratio.fingerprint}"]`);
      await expect.poll(() => card.count()).toBe(1);
      expect(await card.locator('.message').textContent()).toBe('Tỷ lệ nêu là 91% nhưng 6.702/6.715 = 99,81%');
      expect(await card.locator('.number').allTextContents()).toEqual(['6.702', '6.715', '91', '99,81']);
      expect(await card.locator('mark').allTextContents()).toEqual(['6.702', '6.715', '91%']);
      expect(await card.locator('blockquote').textContent()).toBe('Năm 2023: 6.702/6.715 hồ sơ = 91%;');
      expect(await card.locator('.where').textContent()).toContain('Trang 3, dòng 15');
      const pdfLink = card.locator('.where a');
      expect(await pdfLink.textContent()).toBe('Mở PDF tại trang 3');
      expect(await pdfLink.getAttribute('href')).toBe(`${expectedFileUrl(absolutePath)}#page=3`);
      // Errors come first, whatever order the checks reported in.
      expect(await page.locator('article.finding').evaluateAll((cards) => cards.map((node) => node.getAttribute('data-rule')))).toEqual([
        'ratio-mismatch',
        'conflicting-values',
      ]);

      const hostileCard = page.locator(`article[data-fingerprint="${hostile.fingerprint}"]`);
      expect(await hostileCard.locator('.message').textContent()).toBe('<script>alert(1)</script> hai giá trị 12 và 13');
      expect(await hostileCard.locator('.why').textContent()).toBe('Vì sao các số được đối chiếu: Cùng chỉ tiêu, cùng kỳ: <i>buổi</i> tuyên truyền.');
      expect(await card.locator('.why').count()).toBe(0);
      expect(await hostileCard.locator('blockquote').allTextContents()).toEqual([
        'Có 12 buổi </script><script>alert(2)</script>',
        '<!-- <img src=x onerror=alert(3)> --> 13 buổi',
      ]);
      expect(await hostileCard.locator('.where').allTextContents()).toEqual([
        expect.stringContaining('Trang 4, dòng 2'),
        expect.stringContaining('Trang 9, dòng 30–31'),
      ]);
      expect(await page.locator('dl.meta dd').first().textContent()).toBe('phường <b>Giếng Đáy</b>');

      await page.goto(expectedFileUrl(pagePath));
      await expect.poll(() => visibleFiles(page)).toEqual(['<script>alert(4)</script>.txt', file]);
      expect(await page.locator('#reports-body tr').first().locator('td').first().textContent()).toBe('<script>alert(4)</script>.txt');
      // Only the page's own two script elements; no element made from report text.
      expect(await page.locator('script').count()).toBe(2);
      expect(await page.locator('img, b, i, main script').count()).toBe(0);
      expectNothingLeftTheMachine(seen);
      await page.close();
    });

    it('filters, records a dismissal, exports review.json, and a --baseline re-run takes the finding away', async () => {
      const input = join(work, 'batch');
      const out = join(work, 'batch-out');
      await mkdir(join(input, 'bad'), { recursive: true });
      await mkdir(join(input, 'legacy'));
      // The seed case of 004, plus "ƣ" for "ư" (an encoding repair).
      await writeFile(
        join(input, 'xã thử.txt'),
        ['ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM', 'BÁO CÁO', 'Kết quả thực hiện Đề án 06 năm 2024', '1. Tuyên truyền cho ngƣời dân: 12 buổi.', '2. Số hóa hồ sơ: 6.702/6.715 hồ sơ = 91%.', ''].join('\n'),
      );
      const hostileName = '<img src=x onerror=alert(1)>.txt';
      await writeFile(join(input, hostileName), 'BÁO CÁO\nTuyên truyền cho ngƣời dân <script>alert(2)</script>: 12 buổi.\n');
      await cp(join(FIXTURES, 'bad/truncated.pdf'), join(input, 'bad/truncated.pdf'));
      await cp(join(FIXTURES, 'legacy/seed-001-vni.pdf'), join(input, 'legacy/seed-001-vni.pdf'));
      const allFiles = [hostileName, 'bad/truncated.pdf', 'legacy/seed-001-vni.pdf', 'xã thử.txt'];

      const first = await runCli(['run', input, '--out', out]);
      expect(first.code, first.stderr).toBe(0);
      const findingsBefore = csvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
      const ratio = findingsBefore.find((row) => row.file === 'xã thử.txt' && row.rule === 'ratio-mismatch');
      const vniRepair = findingsBefore.find((row) => row.file === 'legacy/seed-001-vni.pdf' && row.rule === 'ingest.encoding-repaired');
      expect(ratio, 'the seed case is found').toBeDefined();
      expect(vniRepair, 'the VNI repair is found').toBeDefined();

      const { page, seen } = await watchedPage(browser.context);
      const reportUrl = expectedFileUrl(join(out, 'report.html'));
      await page.goto(reportUrl);

      // The overview: one row per file, batch totals, the unreadable file with what to do.
      await expect.poll(() => visibleFiles(page).then((files) => [...files].sort())).toEqual([...allFiles].sort());
      expect(await page.locator('#totals .total').first().textContent()).toContain('4tệp trong đợt');
      const truncatedAdvice = findingsBefore.find((row) => row.file === 'bad/truncated.pdf')!.message!;
      expect(await page.locator('#attention-list li').allTextContents()).toEqual([expect.stringContaining(truncatedAdvice)]);
      expect(await page.locator('#attention-list li').textContent()).toContain('Không đọc được');

      // Filters: severity, check, unit, status, search; then back to everything.
      const filesWith = (keep: (row: Record<string, string>) => boolean) => [...new Set(findingsBefore.filter(keep).map((row) => row.file))].sort();
      await page.selectOption('#filter-severity', 'info');
      expect((await visibleFiles(page)).sort()).toEqual(filesWith((row) => row.severity === 'info'));
      await page.selectOption('#filter-severity', '');
      await page.selectOption('#filter-rule', 'ingest.encoding-repaired');
      expect((await visibleFiles(page)).sort()).toEqual([hostileName, 'legacy/seed-001-vni.pdf', 'xã thử.txt']);
      await page.selectOption('#filter-rule', 'ingest.failed');
      expect(await visibleFiles(page)).toEqual(['bad/truncated.pdf']);
      await page.selectOption('#filter-rule', '');
      await page.selectOption('#filter-unit', 'xã Giai Xuân');
      expect(await visibleFiles(page)).toEqual(['legacy/seed-001-vni.pdf']);
      await page.selectOption('#filter-unit', '');
      await page.selectOption('#filter-status', 'failed');
      expect(await visibleFiles(page)).toEqual(['bad/truncated.pdf']);
      await page.click('#filter-reset');
      await page.fill('#filter-search', 'giai xuan');
      expect(await visibleFiles(page)).toEqual(['legacy/seed-001-vni.pdf']);
      await page.click('#filter-reset');
      await expect.poll(() => visibleFiles(page).then((files) => files.length)).toBe(allFiles.length);

      // Sorting by errors, most first.
      await page.click('th[data-sort="error"] button');
      const errorCounts = await page.locator('#reports-body td.count-error').allTextContents();
      expect(errorCounts.map(Number)).toEqual([...errorCounts.map(Number)].sort((a, b) => b - a));

      // The PDF's finding links to the page of its evidence.
      await page.click('tr[data-file="legacy/seed-001-vni.pdf"] a.open-report');
      const vniCard = page.locator(`article[data-fingerprint="${vniRepair!.fingerprint}"]`);
      await expect.poll(() => vniCard.count()).toBe(1);
      expect(await vniCard.locator('.where').textContent()).toContain(`Trang ${vniRepair!.page}, dòng ${vniRepair!.line}`);
      expect(await vniCard.locator('.where a').getAttribute('href')).toBe(
        `${expectedFileUrl(join(input, 'legacy/seed-001-vni.pdf'))}#page=${vniRepair!.page}`,
      );
      await vniCard.locator('button[data-action="confirm"]').click();
      expect(await vniCard.getAttribute('data-decision')).toBe('confirmed');

      // Dismiss the seed case with a note.
      await page.click('text=← Về tổng quan');
      await page.click('tr[data-file="xã thử.txt"] a.open-report');
      const ratioCard = page.locator(`article[data-fingerprint="${ratio!.fingerprint}"]`);
      await expect.poll(() => ratioCard.count()).toBe(1);
      expect(await ratioCard.locator('mark').allTextContents()).toEqual(['6.702', '6.715', '91%']);
      expect(await ratioCard.locator('.where').textContent()).toBe('Dòng 5');
      await ratioCard.locator('textarea').fill('Bản giấy ghi 99,81%: lỗi đánh máy');
      await ratioCard.locator('button[data-action="dismiss"]').click();
      expect(await ratioCard.getAttribute('data-decision')).toBe('dismissed');
      expect(await ratioCard.locator('.review-state').textContent()).toContain('Đã bỏ qua');

      // Decisions survive a reload (localStorage), and the review filter finds them.
      await page.reload();
      await expect.poll(() => ratioCard.getAttribute('data-decision')).toBe('dismissed');
      expect(await ratioCard.locator('textarea').inputValue()).toBe('Bản giấy ghi 99,81%: lỗi đánh máy');
      await page.click('text=← Về tổng quan');
      await page.selectOption('#filter-review', 'dismissed');
      expect(await visibleFiles(page)).toEqual(['xã thử.txt']);
      await page.click('#filter-reset');

      // The report text of the hostile file is shown as characters.
      await page.click(`tr[data-file="${hostileName}"] a.open-report`);
      await expect.poll(() => page.locator('.report-title').textContent()).toBe(hostileName);
      expect(await page.locator('blockquote').first().textContent()).toContain('<script>alert(2)</script>');

      const reviewPath = join(work, 'review.json');
      const exported = await exportReview(page, reviewPath);
      expect(exported.decisions).toEqual([
        expect.objectContaining({ fingerprint: vniRepair!.fingerprint, decision: 'confirmed', file: 'legacy/seed-001-vni.pdf', rule: 'ingest.encoding-repaired' }),
        expect.objectContaining({
          fingerprint: ratio!.fingerprint,
          decision: 'dismissed',
          note: 'Bản giấy ghi 99,81%: lỗi đánh máy',
          file: 'xã thử.txt',
          rule: 'ratio-mismatch',
        }),
      ]);

      // The re-run with the exported review.
      const second = await runCli(['run', input, '--out', out, '--baseline', reviewPath]);
      expect(second.code, second.stderr).toBe(0);
      const findingsAfter = csvRecords(await readFile(join(out, 'findings.csv'), 'utf8'));
      expect(findingsAfter.map((row) => row.fingerprint)).not.toContain(ratio!.fingerprint);
      expect(findingsAfter.length).toBe(findingsBefore.length - 1);
      const reports = csvRecords(await readFile(join(out, 'reports.csv'), 'utf8'));
      expect(Object.fromEntries(reports.map((row) => [row.file, row.suppressed]))).toEqual({
        [hostileName]: '0',
        'bad/truncated.pdf': '0',
        'legacy/seed-001-vni.pdf': '0',
        'xã thử.txt': '1',
      });

      await page.goto(reportUrl);
      await expect.poll(() => page.locator('tr[data-file="xã thử.txt"] td[data-column="suppressed"]').textContent()).toBe('1');
      await page.click('tr[data-file="xã thử.txt"] a.open-report');
      await expect.poll(() => page.locator('.report-title').textContent()).toBe('xã thử.txt');
      expect(await page.locator(`article[data-fingerprint="${ratio!.fingerprint}"]`).count()).toBe(0);
      const suppressedList = page.locator('details.suppressed');
      expect(await suppressedList.locator('summary').textContent()).toContain('1 phát hiện đã bị loại');
      expect(await suppressedList.locator(`li[data-fingerprint="${ratio!.fingerprint}"]`).textContent()).toContain('Bản giấy ghi 99,81%: lỗi đánh máy');

      // A fresh browser (nothing stored) still shows the baseline's confirmation, and an export carries the dismissal on.
      await page.evaluate(() => window.localStorage.clear());
      await page.goto(`${reportUrl}#phat-hien-${vniRepair!.fingerprint}`);
      await page.reload();
      await expect.poll(() => vniCard.getAttribute('data-decision')).toBe('confirmed');
      expect(await vniCard.locator('.review-state').textContent()).toContain('theo review.json đã áp dụng');
      const carried = await exportReview(page, join(work, 'review-again.json'));
      expect(carried.decisions.map((decision) => [decision.fingerprint, decision.decision, decision.note])).toEqual(
        exported.decisions.map((decision) => [decision.fingerprint, decision.decision, decision.note]),
      );

      // Importing a review.json (here into an empty browser) takes its decisions over as the browser's own.
      await page.evaluate(() => window.localStorage.clear());
      await page.reload();
      await page.setInputFiles('#import-review', reviewPath);
      await expect.poll(() => page.locator('#review-status').textContent()).toBe('Đã nhập 2 quyết định từ "review.json".');
      expect(await vniCard.locator('.review-state').textContent()).not.toContain('theo review.json đã áp dụng');
      expect(await page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('solieu.review.v1:')).length)).toBe(2);

      expect(await page.locator('img').count()).toBe(0);
      expectNothingLeftTheMachine(seen);
      await page.close();
    });
  });
});

async function exportReview(page: Page, savePath: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-review')]);
  expect(download.suggestedFilename()).toBe('review.json');
  await download.saveAs(savePath);
  return ReviewSchema.parse(JSON.parse(await readFile(savePath, 'utf8')));
}

function csvRecords(text: string): Array<Record<string, string>> {
  return readCsvRecords(text.replace(/^\uFEFF/, ''));
}

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: root });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stderr }));
  });
}
