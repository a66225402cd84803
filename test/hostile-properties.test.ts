import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentResultSchema } from '../src/model/index.ts';
import { EVIDENCE_LIMITS, listMarkerLength } from '../src/model/evidence.ts';
import { processBytes } from '../src/pipeline/index.ts';

/**
 * Properties over hostile input (fast-check, seeded so that a failure replays): random bytes under every name
 * the batch reads, and random long texts of report words, numbers, markers and punctuation. Whatever comes in,
 * the pipeline returns a valid result with a status (a fatal finding when nothing was read), never throws,
 * keeps every quote within its bound and without its list marker, and stays linear in the length of a line.
 */

const SEED = 20_251_207;
const EXTENSIONS = ['.pdf', '.docx', '.txt', '.doc', '.rtf', '.odt'];

/** Starts of real formats, so that random bytes reach past the first sniff into each reader. */
const MAGIC = [[], [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [...Buffer.from('{\\rtf1 ')], [0xff, 0xfe], [0xef, 0xbb, 0xbf]];

const randomFile = fc.record({
  magic: fc.constantFrom(...MAGIC),
  body: fc.uint8Array({ maxLength: 4096 }),
  extension: fc.constantFrom(...EXTENSIONS),
});

const WORDS = ['Tiếp nhận', 'hồ sơ', 'đã giải quyết', 'đúng hạn', 'trong đó', 'tổng số', 'thôn', 'hộ', 'nhân khẩu', 'tài khoản', 'mức 2', 'năm 2023', 'tỷ lệ', 'đạt', '%', '=', '/', ';', ',', '.', ':', '(', ')', '\n', '- ', '+ ', '* ', '1. ', 'a) ', '(1) '];
const token = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${String(b).padStart(3, '0')}`),
  fc.tuple(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 1, max: 9_999 })).map(([a, b]) => `${a}/${b}`),
);
const longText = fc.array(token, { minLength: 200, maxLength: 3_000 }).map((tokens) => tokens.join(' '));

function checkResult(result: unknown): void {
  const parsed = DocumentResultSchema.parse(result);
  expect(['ok', 'needs-ocr', 'failed', 'skipped']).toContain(parsed.status);
  if (parsed.status !== 'ok') expect(parsed.findings.some((finding) => finding.fatal && finding.message.length > 20)).toBe(true);
  for (const figure of parsed.figures) {
    expect(figure.evidence.length).toBeLessThanOrEqual(EVIDENCE_LIMITS.quoteChars);
    expect(listMarkerLength(figure.evidence)).toBe(0);
  }
  for (const finding of parsed.findings) {
    expect(finding.evidence.length).toBeLessThanOrEqual(EVIDENCE_LIMITS.quotesPerFinding);
    for (const evidence of finding.evidence) expect(evidence.quote.length).toBeLessThanOrEqual(EVIDENCE_LIMITS.quoteChars);
  }
}

describe('random bytes under every name the batch reads', () => {
  it('never throw, and always give a valid result with a status (a fatal finding when unread)', async () => {
    await fc.assert(
      fc.asyncProperty(randomFile, async ({ magic, body, extension }) => {
        const bytes = new Uint8Array(magic.length + body.length);
        bytes.set(magic);
        bytes.set(body, magic.length);
        const { result } = await processBytes(bytes, `x${extension}`, { ocr: { mode: 'off' } });
        checkResult(result);
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 300_000);
});

describe('random long texts of report words', () => {
  it('give bounded quotes without list markers, as one line or as many', async () => {
    await fc.assert(
      fc.asyncProperty(longText, fc.boolean(), async (text, oneLine) => {
        const body = oneLine ? text.replaceAll('\n', ' ') : text;
        const { result } = await processBytes(new TextEncoder().encode(body), 'x.txt');
        checkResult(result);
      }),
      { seed: SEED, numRuns: 40 },
    );
  }, 300_000);

  it('cost time in proportion to the length of one line (no quadratic path)', async () => {
    const sample = fc.sample(fc.array(token, { minLength: 2_000, maxLength: 2_000 }), { seed: SEED, numRuns: 1 })[0]!.join(' ').replaceAll('\n', ' ');
    const timeOf = async (copies: number) => {
      const text = Array.from({ length: copies }, () => sample).join(' ');
      const started = performance.now();
      await processBytes(new TextEncoder().encode(text), 'x.txt');
      return performance.now() - started;
    };
    await timeOf(1); // warm-up
    const small = Math.min(await timeOf(2), await timeOf(2));
    const large = Math.min(await timeOf(16), await timeOf(16));
    // 8× the text: linear is ~8×, quadratic ~64×. A loaded machine blurs timings, so the bar is far from both.
    expect(large / small).toBeLessThan(24);
  }, 300_000);
});
