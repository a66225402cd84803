/**
 * Reads Tesseract's hOCR, the one output both engines (tesseract.js and the native CLI) produce from the
 * same C++ code: words with their boxes and confidences, grouped into lines with a baseline and a letter
 * size, lines into paragraphs and blocks. Parsing one format keeps the two engines interchangeable.
 */
import { Parser } from 'htmlparser2';

/** A box in image pixels: x grows rightwards, y downwards. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  box: PixelBox;
  /** Tesseract's word confidence, 0–100. */
  confidence: number;
}

export interface OcrLine {
  box: PixelBox;
  /** Baseline as `y = box.y1 + offset + slope · (x − box.x0)`, Tesseract's own convention. */
  baseline: { slope: number; offset: number };
  /** Row height (x-height plus ascenders and descenders) in pixels: close to the font's em. */
  size: number;
  words: OcrWord[];
  /** Ordinal of the Tesseract block (text region) and paragraph the line belongs to. */
  block: number;
  paragraph: number;
}

export interface OcrPageText {
  width: number;
  height: number;
  lines: OcrLine[];
}

const LINE_CLASSES = new Set(['ocr_line', 'ocr_header', 'ocr_caption', 'ocr_textfloat']);

function titleField(title: string, name: string): string | undefined {
  for (const part of title.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(`${name} `)) return trimmed.slice(name.length + 1).trim();
  }
  return undefined;
}

function numbers(field: string | undefined): number[] {
  return field === undefined ? [] : field.split(/\s+/).map(Number).filter((value) => Number.isFinite(value));
}

function boxOf(title: string): PixelBox | undefined {
  const [x0, y0, x1, y1] = numbers(titleField(title, 'bbox'));
  return x0 === undefined || y0 === undefined || x1 === undefined || y1 === undefined ? undefined : { x0, y0, x1, y1 };
}

interface OpenElement {
  kind: 'page' | 'block' | 'paragraph' | 'line' | 'word' | 'other';
}

export function parseHocr(hocr: string): OcrPageText {
  const page: OcrPageText = { width: 0, height: 0, lines: [] };
  const stack: OpenElement[] = [];
  let block = 0;
  let paragraph = 0;
  let line: OcrLine | undefined;
  let word: { box: PixelBox; confidence: number; text: string } | undefined;

  const parser = new Parser(
    {
      onopentag(_name, attributes) {
        const classes = (attributes.class ?? '').split(/\s+/);
        const title = attributes.title ?? '';
        if (classes.includes('ocr_page')) {
          const box = boxOf(title);
          if (box) {
            page.width = box.x1 - box.x0;
            page.height = box.y1 - box.y0;
          }
          stack.push({ kind: 'page' });
        } else if (classes.includes('ocr_carea')) {
          block++;
          stack.push({ kind: 'block' });
        } else if (classes.includes('ocr_par')) {
          paragraph++;
          stack.push({ kind: 'paragraph' });
        } else if (classes.some((name) => LINE_CLASSES.has(name))) {
          const box = boxOf(title);
          const [slope = 0, offset = 0] = numbers(titleField(title, 'baseline'));
          const [size] = numbers(titleField(title, 'x_size'));
          line = box ? { box, baseline: { slope, offset }, size: size ?? box.y1 - box.y0, words: [], block, paragraph } : undefined;
          stack.push({ kind: 'line' });
        } else if (classes.includes('ocrx_word')) {
          const box = boxOf(title);
          const [confidence = 0] = numbers(titleField(title, 'x_wconf'));
          word = box ? { box, confidence, text: '' } : undefined;
          stack.push({ kind: 'word' });
        } else {
          stack.push({ kind: 'other' });
        }
      },
      ontext(text) {
        if (word) word.text += text;
      },
      onclosetag() {
        const closed = stack.pop();
        if (closed?.kind === 'word' && word) {
          const text = word.text.trim();
          if (text.length > 0 && line) line.words.push({ ...word, text });
          word = undefined;
        } else if (closed?.kind === 'line' && line) {
          if (line.words.length > 0) page.lines.push(line);
          line = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(hocr);
  parser.end();
  return page;
}
