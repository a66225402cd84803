// The floor for our engine: pdf.js text extraction alone (getTextContent on every page, one thread, the
// legacy build our PDF reader uses), over the PDFs listed in the JSON file given. Plain JavaScript run by
// plain Node, so no loader hook stands between pdf.js and V8. Prints one JSON line, with the time to load
// pdf.js apart (the pipeline's --jobs 1 time includes its worker loading pdf.js, so the fair floor does too).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const importStartedAt = performance.now();
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
// Loaded up front, as the pipeline's workers do, instead of on the first getDocument.
globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
const importMs = performance.now() - importStartedAt;

const startedAt = performance.now();
let pages = 0;
let characters = 0;
for (const file of files) {
  const doc = await getDocument({
    data: new Uint8Array(readFileSync(file)),
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) characters += item.str.length;
    page.cleanup();
  }
  pages += doc.numPages;
  await doc.destroy();
}
const elapsedMs = performance.now() - startedAt;
process.stdout.write(`${JSON.stringify({ files: files.length, pages, characters, elapsedMs, importMs, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
