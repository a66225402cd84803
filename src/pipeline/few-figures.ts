import type { Document, DocumentMetadata, Figure, Finding } from '../model/index.ts';
import { fingerprintOf } from '../model/index.ts';
import { FIGURE_KINDS, findNumbers } from '../normalize/numbers.ts';
import { isValidVietnameseSyllable } from '../normalize/syllables.ts';

/**
 * A report that should have figures but from which none, or far fewer than its numbers suggest, were read:
 * a scan OCR read as gibberish, a PDF whose text layer is garbage, tables in a layout the readers miss. Such a
 * file used to pass as `ok` with zero figures; `ingest.few-figures` (a warning, so reports.csv counts it) says
 * so and what to try.
 *
 * Which files: reports (`doc_type` report, a roll-up included), and any file read by OCR, whose title may be
 * unreadable too. Plans and other documents may rightly state no figures.
 */
export const FEW_FIGURES_RULE = 'ingest.few-figures';

/** At least this many words before the share of real Vietnamese syllables says anything. */
const MIN_WORDS = 50;
/** Below this share of well-formed Vietnamese syllables the text is not Vietnamese as written. */
const MIN_SYLLABLE_SHARE = 0.6;
/** A report this long (characters) states some figure. */
const MIN_CHARS_FOR_ANY = 1000;
/** With this many numbers in the text, fewer than one figure in ten read is "far fewer". */
const MIN_NUMBERS_FOR_SHARE = 20;
const MIN_FIGURE_SHARE = 0.1;
/** Words weighed for the share of real syllables, spread evenly over the text. */
const SYLLABLES_SAMPLED = 1500;

export function fewFiguresFinding(document: Document, figures: readonly Figure[], metadata: DocumentMetadata, file: string): Finding | undefined {
  const texts: string[] = [];
  let ocr = false;
  for (const block of document.blocks) {
    if (block.kind === 'table') {
      for (const row of block.rows) for (const cell of row.cells) {
        texts.push(cell.text);
        ocr ||= cell.ocr !== undefined;
      }
    } else {
      texts.push(block.text);
      ocr ||= block.ocr !== undefined;
    }
  }
  if (metadata.docType !== 'report' && !ocr) return undefined;

  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  const numbers = texts.reduce((sum, text) => sum + findNumbers(text).filter((mention) => FIGURE_KINDS.has(mention.kind)).length, 0);
  const words = texts.flatMap((text) => text.match(/\p{L}+/gu) ?? []);
  // A share, so a sample spread over the whole text tells it as well as every word (the check cost a sixth of a
  // DOCX's reading time when it weighed them all).
  const stride = Math.max(1, Math.floor(words.length / SYLLABLES_SAMPLED));
  const sample = stride === 1 ? words : words.filter((_, index) => index % stride === 0);
  const syllableShare = sample.length === 0 ? 1 : sample.filter((word) => isValidVietnameseSyllable(word)).length / sample.length;
  const garbled = words.length >= MIN_WORDS && syllableShare < MIN_SYLLABLE_SHARE;
  const none = figures.length === 0 && (chars >= MIN_CHARS_FOR_ANY || numbers >= 5);
  const few = figures.length > 0 && numbers >= MIN_NUMBERS_FOR_SHARE && figures.length < numbers * MIN_FIGURE_SHARE;
  if (!garbled && !none && !few) return undefined;

  const pages = document.source.pages;
  const size = pages !== undefined ? `${pages} trang` : `${Math.round(chars / 1000)} nghìn ký tự`;
  const read = figures.length === 0 ? 'không đọc được số liệu nào' : `chỉ đọc được ${figures.length} số liệu`;
  const why = garbled
    ? `chữ đọc ra phần lớn không phải tiếng Việt (chỉ ${Math.round(syllableShare * 100)}% là âm tiết tiếng Việt hợp lệ)`
    : `văn bản có ${numbers} con số`;
  const advice = ocr
    ? 'Chữ nhận dạng từ bản quét (OCR) có thể sai nhiều: hãy quét lại rõ hơn (300 dpi, trang thẳng, không mờ nhòe), hoặc gửi bản Word (DOCX) hay PDF xuất trực tiếp từ Word.'
    : document.source.format === 'pdf'
      ? 'Lớp chữ của tệp PDF có thể bị hỏng hoặc bảng số liệu không đọc được: hãy chạy lại với --ocr force để nhận dạng chữ từ hình trang, hoặc gửi bản Word (DOCX).'
      : document.source.format === 'docx'
        ? 'Có thể chữ dùng bảng mã hoặc phông không nhận ra, hoặc số liệu nằm trong hình ảnh: hãy gửi bản PDF xuất trực tiếp từ Word, hoặc bản Word đã chuyển sang phông Unicode.'
        : 'Có thể tệp văn bản bị lỗi bảng mã hoặc số liệu được trình bày theo cách không đọc được: hãy gửi bản Word (DOCX) hoặc PDF của báo cáo.';
  const values = [figures.length, numbers, ...(pages !== undefined ? [pages] : [])];
  return {
    rule: FEW_FIGURES_RULE,
    severity: 'warning',
    fatal: false,
    message: `Báo cáo dài ${size} nhưng ${read} (${why}); các số liệu của báo cáo có thể chưa được đọc. ${advice}`,
    values,
    evidence: [],
    fingerprint: fingerprintOf(file, FEW_FIGURES_RULE, values),
  };
}
