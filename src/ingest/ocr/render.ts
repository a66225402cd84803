/**
 * Page images for OCR: pdf.js draws the page onto a canvas, which is then reduced to grey. pdf.js
 * brings its own copy of @napi-rs/canvas and polyfills Path2D/DOMMatrix from it, so the canvas must
 * come from the document's own canvasFactory: a canvas from another copy of the library crashes the
 * renderer (a type mismatch at best, a segmentation fault at worst).
 */
import { OPS, type PDFDocumentProxy } from '../pdfjs/index.mjs';
import type { GreyImage } from './engines.ts';
import { multiply, type Matrix } from '../pdf/graphics.ts';

/**
 * Pages with no scanned image (text drawn as outlines) are rendered at 300 dpi, where Tesseract reads
 * body text best. A scan is rendered at its own resolution, pixel for pixel: resampling a 200 dpi scan
 * to 300 dpi blurs its strokes and, measured on the fixture, costs more misread digits than it saves,
 * besides doubling the time. Below 200 dpi (faxes) letters are too small and are upsampled; above
 * 400 dpi nothing is gained for the time.
 */
export const DEFAULT_OCR_DPI = 300;
const MIN_SCAN_DPI = 200;
const MAX_SCAN_DPI = 400;

export function ocrDpi(scanDpi: number | undefined): number {
  if (scanDpi === undefined || !Number.isFinite(scanDpi)) return DEFAULT_OCR_DPI;
  return Math.min(MAX_SCAN_DPI, Math.max(MIN_SCAN_DPI, Math.round(scanDpi)));
}
/** A poster-sized page is rendered at a lower resolution instead of at several hundred megapixels. */
const MAX_PIXELS = 40_000_000;

export interface RenderedPage {
  image: GreyImage;
  /** Pixels per inch of the image: image pixels × 72 / dpi = PDF points. */
  dpi: number;
}

interface CanvasAndContext {
  canvas: unknown;
  context: {
    getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  };
}

interface CanvasFactoryLike {
  create(width: number, height: number): CanvasAndContext;
  destroy(entry: CanvasAndContext): void;
}

export async function renderPageGrey(doc: PDFDocumentProxy, pageNumber: number, dpi: number): Promise<RenderedPage> {
  const page = await doc.getPage(pageNumber);
  try {
    const unscaled = page.getViewport({ scale: 1 });
    const wanted = dpi / 72;
    const scale = Math.min(wanted, Math.sqrt(MAX_PIXELS / Math.max(1, unscaled.width * unscaled.height)));
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.ceil(viewport.width));
    const height = Math.max(1, Math.ceil(viewport.height));
    const factory = doc.canvasFactory as CanvasFactoryLike;
    const entry = factory.create(width, height);
    try {
      await page.render({
        canvas: entry.canvas as HTMLCanvasElement,
        canvasContext: entry.context as unknown as CanvasRenderingContext2D,
        viewport,
        background: 'rgb(255,255,255)',
      }).promise;
      const rgba = entry.context.getImageData(0, 0, width, height).data;
      const pixels = new Uint8Array(width * height);
      // ITU-R BT.601 luma in integers: the weights sum to 256.
      for (let i = 0, j = 0; j < pixels.length; i += 4, j++) pixels[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
      return { image: { width, height, pixels }, dpi: scale * 72 };
    } finally {
      factory.destroy(entry);
    }
  } finally {
    page.cleanup();
  }
}

/** Share of pixels dark enough to be ink; a blank (or blank-scanned) page has almost none. */
export function inkShare(image: GreyImage): number {
  let dark = 0;
  // Every 4th pixel is plenty to tell a page with text from an empty one.
  for (let i = 0; i < image.pixels.length; i += 4) if (image.pixels[i]! < 128) dark++;
  return dark / Math.max(1, Math.ceil(image.pixels.length / 4));
}

function asMatrix(value: unknown): Matrix | undefined {
  if (!value || typeof value !== 'object' || !('length' in value)) return undefined;
  const array = Array.from(value as ArrayLike<unknown>);
  return array.length === 6 && array.every((v) => typeof v === 'number') ? (array as Matrix) : undefined;
}

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
]);

export interface PageImages {
  /** Share of the page that images cover (0–1; overlaps are only bounded by the clamp). */
  coverage: number;
  /** Resolution of the largest image as drawn (pixels per inch), when it has known pixel dimensions. */
  scanDpi?: number;
}

/**
 * How much of the page images cover, and at what resolution: an image is drawn into the unit square
 * mapped by the current matrix, so its area is that matrix's determinant and its pixel width over the
 * drawn width gives its resolution. A scan has one image covering the page; a report with a logo, a
 * few percent.
 */
export async function pageImages(doc: PDFDocumentProxy, pageNumber: number): Promise<PageImages> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const pageArea = viewport.width * viewport.height;
    if (!(pageArea > 0)) return { coverage: 0 };
    const { fnArray, argsArray } = await page.getOperatorList();
    let ctm = viewport.transform as Matrix;
    const stack: Matrix[] = [];
    let covered = 0;
    let largest = 0;
    let scanDpi: number | undefined;
    for (let i = 0; i < fnArray.length; i++) {
      const fn = fnArray[i]!;
      const args: unknown = argsArray[i];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) {
        const m = asMatrix(args);
        if (m) ctm = multiply(ctm, m);
      } else if (fn === OPS.paintFormXObjectBegin) {
        stack.push(ctm);
        const m = Array.isArray(args) ? asMatrix(args[0]) : undefined;
        if (m) ctm = multiply(ctm, m);
      } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
      else if (IMAGE_OPS.has(fn)) {
        const area = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
        covered += area;
        // pdf.js passes [objectId, width, height] for image XObjects.
        const pixelWidth = Array.isArray(args) && typeof args[1] === 'number' ? args[1] : undefined;
        const drawnWidth = Math.hypot(ctm[0], ctm[1]);
        if (area > largest && pixelWidth !== undefined && drawnWidth > 0) {
          largest = area;
          scanDpi = (pixelWidth / drawnWidth) * 72;
        }
      }
    }
    return { coverage: Math.min(1, covered / pageArea), ...(scanDpi !== undefined ? { scanDpi } : {}) };
  } finally {
    page.cleanup();
  }
}
