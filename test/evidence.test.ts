import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundFileEvidence, EVIDENCE_LIMITS, figureQuote, listMarkerLength, quoteAround } from '../src/model/evidence.ts';
import { processBytes } from '../src/pipeline/index.ts';
import { highlightRanges } from '../src/report/html/page-data.ts';
import { figuresCsv, findingsCsv } from '../src/report/csv.ts';
import type { DocumentResult, Finding } from '../src/model/index.ts';

/**
 * Evidence is a quote an auditor can find in the report: the paragraph when it is short, else the sentence
 * holding the number, else a window of at most a few hundred characters — never the list marker that opens
 * the line, never the whole of a long paragraph — with caps per finding and per file (docs/contract.md).
 */

const root = resolve(import.meta.dirname, '..');
const encode = (text: string) => new TextEncoder().encode(text);

describe('the list marker is not part of the quote', () => {
  it.each([
    ['- Tiếp nhận 31 hồ sơ.', 'Tiếp nhận 31 hồ sơ.'],
    ['+ Tiếp nhận 31 hồ sơ.', 'Tiếp nhận 31 hồ sơ.'],
    ['* Tiếp nhận 31 hồ sơ.', 'Tiếp nhận 31 hồ sơ.'],
    ['• Tiếp nhận 31 hồ sơ.', 'Tiếp nhận 31 hồ sơ.'],
    ['– Tiếp nhận 31 hồ sơ.', 'Tiếp nhận 31 hồ sơ.'],
    ['a) Tiếp nhận 31 hồ sơ.', 'Tiếp nhận 31 hồ sơ.'],
    ['1. Tiếp nhận 31 hồ sơ.', 'Tiếp nhận 31 hồ sơ.'],
    ['2) Tiếp nhận 31 hồ sơ.', 'Tiếp nhận 31 hồ sơ.'],
    ['(1) Tiếp nhận 31 hồ sơ.', 'Tiếp nhận 31 hồ sơ.'],
    ['  - Tiếp nhận 31 hồ sơ.', 'Tiếp nhận 31 hồ sơ.'],
  ])('%j → %j', (text, quote) => {
    const at = text.indexOf('31');
    const made = quoteAround(text, at, at + 2);
    expect(made.quote).toBe(quote);
    // The offset maps the quote back into the paragraph: locations stay offsets into the source block.
    expect(text.slice(made.offset, made.offset + quote.length)).toBe(quote);
  });

  it.each([['1.500 hồ sơ'], ['3.1 Phục vụ người dân'], ['-5 độ'], ['2023. Năm'], ['Tiếp nhận - 31 hồ sơ']])('leaves %j alone', (text) => {
    expect(listMarkerLength(text)).toBe(0);
  });

  it('keeps a number that is itself the start of the paragraph', () => {
    expect(quoteAround('1. Số hộ: 1 hộ', 0, 1).quote).toBe('1. Số hộ: 1 hộ');
  });
});

describe('a quote is bounded', () => {
  const filler = (words: number) => Array.from({ length: words }, (_, index) => `chữ${index}`).join(' ');

  it('is the sentence of a long paragraph', () => {
    const text = `- ${'Một câu trước. '.repeat(40)}Năm 2023: 6.702/6.715 hồ sơ = 91%. ${'Câu sau. '.repeat(40)}`;
    const at = text.indexOf('6.702');
    expect(quoteAround(text, at, at + 23).quote).toBe('Năm 2023: 6.702/6.715 hồ sơ = 91%.');
  });

  it('is a window cut at spaces, with "…", when the sentence is too long', () => {
    const text = `${filler(200)} tiếp nhận 6.702 hồ sơ ${filler(200)}`;
    const at = text.indexOf('6.702');
    const { quote } = quoteAround(text, at, at + 5);
    expect(quote.length).toBeLessThanOrEqual(EVIDENCE_LIMITS.quoteChars);
    expect(quote).toMatch(/^…chữ\d+ .* tiếp nhận 6.702 hồ sơ .* chữ\d+…$/u);
  });

  it('looks at no more than the limit around the number, whatever the length of the line', () => {
    const text = `${'x '.repeat(2_000_000)}6.702 hồ sơ${' y'.repeat(2_000_000)}`;
    const at = text.indexOf('6.702');
    const started = performance.now();
    for (let index = 0; index < 10_000; index++) quoteAround(text, at, at + 5);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('finds a table cell in its row', () => {
    expect(figureQuote({ evidence: `- ${'Thủ tục | '.repeat(50)}Khai sinh | 12 | 13`, raw: '13', location: { line: 1, start: 0, end: 2 } })).toMatch(/Khai sinh \| 12 \| 13$/u);
  });
});

describe('caps per finding and per file', () => {
  const finding = (quotes: number, length: number): Finding => ({
    rule: 'sum-mismatch',
    severity: 'error',
    fatal: false,
    message: 'x',
    values: [1],
    evidence: Array.from({ length: quotes }, (_, index) => ({ quote: `- ${String(index).padEnd(length, 'q')}`, location: { line: index + 1 } })),
    fingerprint: 'f',
  });

  it('at most quotesPerFinding quotes of at most quoteChars each, without their markers', () => {
    const { findings } = boundFileEvidence([finding(30, 1000)], []);
    expect(findings[0]!.evidence).toHaveLength(EVIDENCE_LIMITS.quotesPerFinding);
    for (const item of findings[0]!.evidence) {
      expect(item.quote.length).toBeLessThanOrEqual(EVIDENCE_LIMITS.quoteChars);
      expect(item.quote.startsWith('- ')).toBe(false);
    }
  });

  it('at most charsPerFile characters of evidence in a file, findings first', () => {
    const findings = Array.from({ length: 2_000 }, () => finding(5, 290));
    const figures = Array.from({ length: 5_000 }, () => ({ evidence: 'e'.repeat(290), raw: '12 hộ' }));
    const bounded = boundFileEvidence(findings, figures);
    const total =
      bounded.findings.reduce((sum, item) => sum + item.evidence.reduce((inner, evidence) => inner + evidence.quote.length, 0), 0) +
      bounded.figures.reduce((sum, item) => sum + item.evidence.length, 0);
    expect(total).toBeLessThanOrEqual(EVIDENCE_LIMITS.charsPerFile + 2_000 * EVIDENCE_LIMITS.quoteCharsPastBudget + 5_000 * 5);
    expect(bounded.findings[0]!.evidence).toHaveLength(5);
    expect(bounded.findings.at(-1)!.evidence).toHaveLength(1);
    expect(bounded.figures.at(-1)!.evidence).toBe('12 hộ');
  });
});

describe('through the pipeline and every output', () => {
  it('no evidence in CSV, JSON or HTML data starts with a list marker; highlights still find the statement', async () => {
    for (const file of ['seed-000.docx', 'seed-001.txt', 'seed-004.pdf', 'seed-002.pdf']) {
      const { result } = await processBytes(new Uint8Array(await readFile(join(root, 'fixtures/reports', file))), file, { ocr: { mode: 'off' } });
      expect(result.figures.length, file).toBeGreaterThan(0);
      for (const figure of result.figures) {
        expect(listMarkerLength(figure.evidence), `${file}: ${figure.evidence}`).toBe(0);
        expect(figure.evidence.length).toBeLessThanOrEqual(EVIDENCE_LIMITS.quoteChars);
      }
      for (const item of result.findings.flatMap((finding) => finding.evidence)) expect(listMarkerLength(item.quote), item.quote).toBe(0);
      // Spreadsheets: an evidence cell no longer needs the apostrophe that "- " forced.
      for (const line of [figuresCsv([result]), findingsCsv([result])].join('\n').split('\r\n').slice(1)) expect(line).not.toMatch(/,"?'[-+*•] /u);
    }
  });

  it('the seed case keeps its highlighted statement after its marker is left out', async () => {
    const { result } = await processBytes(encode('- Số hồ sơ đã giải quyết đúng hạn, trước hạn: 13.274/13.303 = 100%\n'), 'x.txt');
    const finding = result.findings.find((candidate) => candidate.rule === 'rounded-to-full')!;
    const evidence = finding.evidence[0]!;
    expect(evidence.quote).toBe('Số hồ sơ đã giải quyết đúng hạn, trước hạn: 13.274/13.303 = 100%');
    const { statement } = highlightRanges(evidence, finding.values);
    expect(evidence.quote.slice(...statement!)).toBe('13.274/13.303 = 100%');
  });

  it('a 1 MB line of figures finishes in seconds, with outputs that grow with the input, not with figures × line', async () => {
    const bytes = new Uint8Array(await readFile(join(root, 'fixtures/bad/long-line-numbers.txt')));
    expect(bytes.byteLength).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const { result } = await processBytes(bytes, 'long.txt');
    const seconds = (performance.now() - started) / 1000;
    // Quadratic, this took hours; linear it is ~10 s on a loaded 2-core machine.
    expect(seconds).toBeLessThan(90);
    expect(result.status).toBe('ok');
    expect(result.figures.length).toBeGreaterThan(20_000);
    const outputs = figuresCsv([result]).length + findingsCsv([result]).length + JSON.stringify(result).length;
    // Each figure costs a row of a few hundred bytes; whole-line evidence made it 1 MB per figure (20 GB).
    expect(outputs).toBeLessThan(result.figures.length * 1_000 + 2 * EVIDENCE_LIMITS.charsPerFile);
  }, 180_000);

  it('keeps a long paragraph out of every figure of a real DOCX-sized document', async () => {
    const paragraph = `- ${Array.from({ length: 500 }, (_, index) => `thôn ${index + 1} có ${100 + index} hộ`).join(', ')}.`;
    const { result } = await processBytes(encode(paragraph), 'x.txt');
    const document: DocumentResult = result;
    expect(document.figures.length).toBeGreaterThan(100);
    for (const figure of document.figures) expect(figure.evidence.length).toBeLessThanOrEqual(EVIDENCE_LIMITS.quoteChars);
  });
});
