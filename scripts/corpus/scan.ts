/**
 * Producer "scan.pdf": a.pdf printed and scanned. Pages are rasterised in grey at 200 dpi, turned by a small
 * angle (±0.5°, different per page but the same on every run), given sensor noise and specks from a fixed
 * seed, and wrapped as JPEG pages. No text layer: the tool under test has to OCR it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pinPdf, PINNED_DATE } from './determinism.ts';
import { imageMagick, pool, run, runAsync } from './tools.ts';

const DPI = 200;

/** A per-page angle in ±[0.15°, 0.5°]: visibly skewed, never straight, derived from the id and page. */
export function scanAngle(id: string, page: number): number {
  const hash = createHash('sha256').update(`${id}#${page}`).digest();
  const magnitude = 0.15 + (hash[0]! / 255) * 0.35;
  return Number(((hash[1]! & 1 ? 1 : -1) * magnitude).toFixed(2));
}

/** Scans several documents, their pages spread over the machine's cores. */
export async function makeScans(documents: readonly { id: string; aPdf: Buffer }[], work: string): Promise<Map<string, Buffer>> {
  const convert = imageMagick();
  if (!convert) throw new Error('ImageMagick convert is missing (apt-get install imagemagick)');
  const pages = documents.flatMap(({ id, aPdf }) => {
    const dir = join(work, `scan-${createHash('md5').update(id).digest('hex').slice(0, 10)}`);
    mkdirSync(dir, { recursive: true });
    const source = join(dir, 'a.pdf');
    writeFileSync(source, aPdf);
    run('pdftoppm', ['-r', String(DPI), '-gray', source, join(dir, 'page')]);
    const seedBase = createHash('md5').update(id).digest().readUInt32BE(0) % 100_000;
    return readdirSync(dir)
      .filter((file) => file.endsWith('.pgm'))
      .sort()
      .map((file, index) => ({ id, dir, input: join(dir, file), output: join(dir, file.replace(/\.pgm$/u, '.jpg')), angle: scanAngle(id, index + 1), seed: seedBase + index }));
  });
  await pool(
    pages.map((page) => () =>
      runAsync(convert, [
        // One thread: ImageMagick's threaded noise is not reproducible even with -seed.
        '-limit', 'thread', '1',
        page.input,
        // SRT keeps the canvas (A4 at the scan resolution); the corners it uncovers are paper-white.
        '-virtual-pixel', 'white', '-filter', 'Triangle', '-distort', 'SRT', String(page.angle),
        '-seed', String(page.seed),
        '-attenuate', '0.5', '+noise', 'Gaussian', '-blur', '0x0.6', '+level', '3%,94%',
        '-attenuate', '0.012', '+noise', 'Impulse',
        '-colorspace', 'Gray', '-type', 'Grayscale',
        '-density', String(DPI), '-units', 'PixelsPerInch', '-quality', '45', '-strip',
        page.output,
      ]),
    ),
    availableParallelism(),
  );
  const scans = new Map<string, Buffer>();
  for (const { id } of documents) {
    const mine = pages.filter((page) => page.id === id);
    const assembled = join(mine[0]!.dir, 'assembled.pdf');
    run('img2pdf', ['--creationdate', PINNED_DATE, '--moddate', PINNED_DATE, '--producer', 'Canon iR-ADV C3525', '-o', assembled, ...mine.map((page) => page.output)]);
    // img2pdf draws a random /ID; pinPdf replaces it with one derived from the content.
    scans.set(id, pinPdf(readFileSync(assembled), PINNED_DATE, `${id}.scan.pdf`));
  }
  return scans;
}
