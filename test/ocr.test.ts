/**
 * OCR of scanned PDF pages, on real files with real Tesseract (no mocks): the scan of seed 003 against
 * the text PDF it was made from, a mixed PDF page by page, `--ocr off`, the page cap and the deadline,
 * and the small pieces (glued syllables, offsets kept through normalization) the end-to-end numbers
 * depend on. The embedded engine (tesseract.js, npm model) is always tested; the native CLI only when
 * it is installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processBytes, type ProcessedFile } from '../src/pipeline/index.ts';
import { shutdownOcr, type OcrEngineChoice } from '../src/ingest/ocr.ts';
import { embeddedWorkerOptions, EMBEDDED_LANGUAGE_FOLDER, findNativeTesseract } from '../src/ingest/ocr/engines.ts';
import { splitGluedSyllables } from '../src/ingest/ocr/words.ts';
import { normalizeDocument } from '../src/normalize/vietnamese.ts';
import type { Block, Figure, SourceDocument, TableCell } from '../src/model/index.ts';

const REPORTS = join(import.meta.dirname, '../fixtures/reports');
const SCAN = join(REPORTS, 'scan/seed-003-scan.pdf');
const TEXT = join(REPORTS, 'seed-003.pdf');
const MIXED = join(import.meta.dirname, 'data/ocr/mixed.pdf');
const SCAN_PAGES = 5;

afterAll(async () => {
  await shutdownOcr();
});

function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

const figureKey = (figure: Figure): string => `${figure.metric}=${figure.value}`;

/** How many of `expected`'s (metric, value) pairs `actual` has too, each pair used once. */
function matchedFigures(expected: readonly Figure[], actual: readonly Figure[]): { matched: number; missing: string[]; extra: string[] } {
  const pool = actual.map(figureKey);
  const missing: string[] = [];
  let matched = 0;
  for (const key of expected.map(figureKey)) {
    const at = pool.indexOf(key);
    if (at === -1) missing.push(key);
    else {
      pool.splice(at, 1);
      matched++;
    }
  }
  return { matched, missing, extra: pool };
}

type TextField = Pick<TableCell, 'text' | 'ocr' | 'fontSpans'>;

function textFields(blocks: readonly Block[]): TextField[] {
  return blocks.flatMap((block): TextField[] => (block.kind === 'table' ? block.rows.flatMap((row) => row.cells) : [block]));
}

async function timed(run: () => Promise<ProcessedFile>): Promise<{ processed: ProcessedFile; seconds: number }> {
  const started = performance.now();
  const processed = await run();
  return { processed, seconds: (performance.now() - started) / 1000 };
}

describe('the scan of seed 003 read by OCR', () => {
  const engines: Array<{ engine: OcrEngineChoice; available: boolean }> = [
    { engine: 'embedded', available: true },
    { engine: 'native', available: findNativeTesseract() !== null },
  ];

  it.each(engines)('$engine engine: ≥ 90% of the text PDF\'s figures, same values, marked as OCR, with pages', async ({ engine, available }) => {
    if (!available) {
      console.log('OCR native engine: the tesseract CLI is not installed here; only the embedded engine was tested');
      return;
    }
    const text = (await processBytes(bytesOf(TEXT), 'seed-003.pdf', { ocr: { mode: 'off' } })).result;
    const { processed, seconds } = await timed(() => processBytes(bytesOf(SCAN), 'seed-003-scan.pdf', { ocr: { engine } }));
    const scan = processed.result;

    expect(scan.status).toBe('ok');
    expect(text.figures.length).toBeGreaterThan(40);
    const { matched, missing, extra } = matchedFigures(text.figures, scan.figures);
    const ratio = matched / text.figures.length;
    console.log(
      `OCR ${engine}: ${matched}/${text.figures.length} figures of seed-003.pdf found in the scan (${(100 * ratio).toFixed(1)}%), ` +
        `${extra.length} not in the text PDF; ${(seconds / SCAN_PAGES).toFixed(2)} s per page (${seconds.toFixed(1)} s for ${SCAN_PAGES} pages, ` +
        `rendering and extraction included)\n  missing: ${missing.join(', ') || '—'}\n  extra: ${extra.join(', ') || '—'}`,
    );
    expect(ratio).toBeGreaterThanOrEqual(0.9);

    for (const figure of scan.figures) {
      expect(figure.ocr).toBe(true);
      expect(figure.location.page).toBeGreaterThanOrEqual(1);
      expect(figure.location.page).toBeLessThanOrEqual(SCAN_PAGES);
      expect(figure.location.line).toBeGreaterThanOrEqual(1);
    }
    // The table on page 2 is read as a table from the borders in the image, not as loose lines.
    const tables = processed.document!.blocks.filter((block) => block.kind === 'table' && block.location.page === 2);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.kind === 'table' && tables[0]!.rows.map((row) => row.cells.length)).toEqual([3, 3, 3, 3, 3, 3, 3]);

    const read = scan.findings.find((finding) => finding.rule === 'ingest.ocr');
    expect(read).toMatchObject({ severity: 'info', fatal: false, values: [1, 2, 3, 4, 5] });
    expect(read!.message).toMatch(/Trang 1–5 .*OCR/u);
    expect(scan.findings.some((finding) => finding.rule === 'ingest.needs-ocr')).toBe(false);
  });

  it.runIf(findNativeTesseract() !== null)('native engine: pages read side by side give the same document as one at a time', async () => {
    // Two pages (one with the bordered table), so that two are in flight at once.
    const oneAtATime = await timed(() => processBytes(bytesOf(SCAN), 'seed-003-scan.pdf', { ocr: { engine: 'native', maxPages: 2, pagesAtOnce: 1 } }));
    const sideBySide = await timed(() => processBytes(bytesOf(SCAN), 'seed-003-scan.pdf', { ocr: { engine: 'native', maxPages: 2, pagesAtOnce: 2 } }));
    console.log(`OCR native, 2 pages: ${oneAtATime.seconds.toFixed(1)} s one at a time, ${sideBySide.seconds.toFixed(1)} s side by side`);
    expect(sideBySide.processed.result.figures.length).toBeGreaterThan(0);
    expect(sideBySide.processed.document!.blocks).toEqual(oneAtATime.processed.document!.blocks);
    expect(sideBySide.processed.result.figures).toEqual(oneAtATime.processed.result.figures);
    expect(sideBySide.processed.result.findings).toEqual(oneAtATime.processed.result.findings);
  });

  it('every OCR block says how sure the engine was, and its unsure stretches lie inside its text', async () => {
    const { document } = await processBytes(bytesOf(SCAN), 'seed-003-scan.pdf', { ocr: { engine: 'embedded', maxPages: 1 } });
    const fields = textFields(document!.blocks).filter((field) => field.text.length > 0);
    expect(fields.length).toBeGreaterThan(10);
    for (const field of fields) {
      expect(field.ocr).toBeDefined();
      expect(field.ocr!.confidence).toBeGreaterThan(0);
      expect(field.ocr!.confidence).toBeLessThanOrEqual(100);
      for (const range of field.ocr!.uncertainRanges ?? []) {
        expect(range.start).toBeLessThan(range.end);
        expect(range.end).toBeLessThanOrEqual(field.text.length);
        expect(field.text.slice(range.start, range.end)).toBe(field.text.slice(range.start, range.end).trim());
      }
      // The per-word pseudo-fonts that carried the offsets are gone.
      expect((field.fontSpans ?? []).every((span) => !span.font.startsWith('ocr-word:'))).toBe(true);
    }
  });

  it('--ocr off keeps the scan at needs-ocr, with a message that says OCR is off', async () => {
    const { result } = await processBytes(bytesOf(SCAN), 'seed-003-scan.pdf', { ocr: { mode: 'off' } });
    expect(result.status).toBe('needs-ocr');
    expect(result.figures).toEqual([]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: 'ingest.needs-ocr', fatal: true, values: [SCAN_PAGES] });
    expect(result.findings[0]!.message).toMatch(/--ocr off/u);
  });

  it('a file whose every scanned page is past the deadline is needs-ocr, saying time ran out', async () => {
    const { result } = await processBytes(bytesOf(SCAN), 'seed-003-scan.pdf', { ocr: { engine: 'embedded', deadline: Date.now() - 1 } });
    expect(result.status).toBe('needs-ocr');
    expect(result.findings[0]).toMatchObject({ rule: 'ingest.needs-ocr', fatal: true });
    expect(result.findings[0]!.message).toMatch(/Trang 1–5 .*hết thời gian.*--timeout/u);
  });
});

describe('a mixed PDF, page by page', () => {
  it('keeps the text page, reads the scanned pages (one stamped with a few words of text), skips the blank one', async () => {
    const { result, document } = await processBytes(bytesOf(MIXED), 'mixed.pdf', { ocr: { engine: 'embedded' } });
    expect(result.status).toBe('ok');
    const byPage = new Map<number, Block[]>();
    for (const block of document!.blocks) byPage.set(block.location.page!, [...(byPage.get(block.location.page!) ?? []), block]);
    expect([...byPage.keys()]).toEqual([1, 2, 3]);
    expect(textFields(byPage.get(1)!).every((field) => field.ocr === undefined)).toBe(true);
    for (const page of [2, 3]) expect(textFields(byPage.get(page)!).every((field) => field.text === '' || field.ocr !== undefined)).toBe(true);
    // Page 1's figures come from its text layer, page 2's from OCR.
    expect(result.figures.filter((figure) => figure.location.page === 1).every((figure) => !figure.ocr)).toBe(true);
    const page2 = result.figures.filter((figure) => figure.location.page === 2);
    expect(page2.length).toBeGreaterThan(10);
    expect(page2.every((figure) => figure.ocr)).toBe(true);
    expect(page2.map(figureKey)).toEqual(expect.arrayContaining(['dossiers.received=120', 'dossiers.received=31', 'dossiers.received=89', 'dossiers.received=256']));

    expect(result.findings.find((finding) => finding.rule === 'ingest.ocr')).toMatchObject({ values: [2, 3] });
    // The blank page is neither read nor reported.
    expect(result.findings.some((finding) => finding.rule === 'ingest.needs-ocr')).toBe(false);
  });

  it('under --ocr force with a cap of one page, reads page 1 by OCR and reports the rest as not read, with the cap', async () => {
    const { result, document } = await processBytes(bytesOf(MIXED), 'mixed.pdf', { ocr: { engine: 'embedded', mode: 'force', maxPages: 1 } });
    expect(result.status).toBe('ok');
    const page1 = document!.blocks.filter((block) => block.location.page === 1);
    expect(page1.length).toBeGreaterThan(5);
    expect(textFields(page1).every((field) => field.ocr !== undefined || field.text === '')).toBe(true);
    expect(result.figures.length).toBeGreaterThan(0);
    expect(result.figures.every((figure) => figure.ocr && figure.location.page === 1)).toBe(true);
    const unread = result.findings.find((finding) => finding.rule === 'ingest.needs-ocr');
    expect(unread).toMatchObject({ severity: 'warning', fatal: false, values: [2, 3, 4], discriminator: 'ocr-page-limit' });
    expect(unread!.message).toMatch(/Trang 2–4 .*tối đa 1 trang.*--ocr-max-pages/u);
  });

  it('--ocr off reads the text page and reports the scanned pages as needing OCR', async () => {
    const { result } = await processBytes(bytesOf(MIXED), 'mixed.pdf', { ocr: { mode: 'off' } });
    expect(result.status).toBe('ok');
    expect(result.figures.every((figure) => !figure.ocr && figure.location.page === 1)).toBe(true);
    // Page 3 has a few words of text over its image, so only pages 2 and 4 lack a text layer.
    expect(result.findings.find((finding) => finding.rule === 'ingest.needs-ocr')).toMatchObject({ values: [2, 4], fatal: false });
  });
});

describe('the embedded engine downloads nothing', () => {
  it('points tesseract.js at local files only: worker script, core and the npm Vietnamese model', () => {
    const options = embeddedWorkerOptions();
    for (const path of [options.langPath, options.workerPath, options.corePath]) {
      expect(path).toMatch(/^\//u);
      expect(existsSync(path!)).toBe(true);
    }
    expect(options.langPath).toBe(EMBEDDED_LANGUAGE_FOLDER);
    expect(existsSync(join(EMBEDDED_LANGUAGE_FOLDER, 'vie.traineddata.gz'))).toBe(true);
    expect(options).toMatchObject({ cacheMethod: 'none', gzip: true, workerBlobURL: false });
  });

  it('never calls fetch on this thread while reading a page', async () => {
    const originalFetch = globalThis.fetch;
    const fetched: string[] = [];
    globalThis.fetch = ((input: Parameters<typeof fetch>[0]) => {
      fetched.push(String(input));
      return Promise.reject(new Error('no network in this test'));
    }) as typeof fetch;
    try {
      const { result } = await processBytes(bytesOf(SCAN), 'seed-003-scan.pdf', { ocr: { engine: 'embedded', maxPages: 1 } });
      expect(result.status).toBe('ok');
    } finally {
      globalThis.fetch = originalFetch;
    }
    expect(fetched).toEqual([]);
  });
});

describe('glued syllables are split back', () => {
  it.each([
    ['hồsơ,', 'hồ sơ,'],
    ['-Sốlượnghồsơtiếpnhận18hồsơ.', '-Số lượng hồ sơ tiếp nhận 18 hồ sơ.'],
    ['năm2030”', 'năm 2030”'],
    ['05hồ', '05 hồ'],
    ['giảiquyết', 'giải quyết'],
  ])('%s → %s', (glued, split) => {
    expect(splitGluedSyllables(glued)).toBe(split);
  });

  it.each(['UBND', 'KQXM)', 'QĐ-UBND', '06/QĐ-TTg', 'km2', '4G', 'zalo:', 'nghiêng', '18/4/2022', 'Face'])('%s stays as written', (word) => {
    expect(splitGluedSyllables(word)).toBe(word);
  });
});

describe('normalization keeps the unsure stretches on the same characters', () => {
  it('remaps uncertainRanges when the text changes length (decomposed marks composed)', () => {
    const raw = 'Tiếp nhận 31 hồ sơ, trả lại 0 hồ sơ'.normalize('NFD');
    const start = raw.indexOf('31');
    const zero = raw.indexOf('0 h', start + 2);
    const source: SourceDocument = {
      source: { path: 'x.pdf', format: 'pdf', sha256: 'x', bytes: 1, pages: 1 },
      blocks: [
        {
          kind: 'paragraph',
          text: raw,
          location: { page: 1, line: 1 },
          ocr: { confidence: 80, uncertainRanges: [{ start, end: start + 2 }, { start: zero, end: zero + 1 }] },
        },
      ],
      notes: [],
    };
    const block = normalizeDocument(source).blocks[0]!;
    expect(block.kind).toBe('paragraph');
    if (block.kind !== 'paragraph') return;
    expect(block.text).toBe('Tiếp nhận 31 hồ sơ, trả lại 0 hồ sơ');
    expect(block.text.length).toBeLessThan(raw.length);
    expect(block.ocr!.uncertainRanges!.map(({ start: s, end: e }) => block.text.slice(s, e))).toEqual(['31', '0']);
    expect(block.ocr!.confidence).toBe(80);
  });
});
