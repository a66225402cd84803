import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES } from '../rules/checks/index.ts';
import { runChecks } from '../src/check/engine.ts';
import { documentFromReportText } from '../src/check/report-text.ts';
import { extractQuantities } from '../src/extract/index.ts';
import { relationIndex } from '../src/check/index.ts';
import { FindingSchema } from '../src/model/index.ts';
import { processBytes } from '../src/pipeline/index.ts';

/**
 * Every check's own cases, ESLint's RuleTester style: each `valid` report snippet yields no finding of the
 * check, each `invalid` one yields exactly the listed findings (messageId and values). Snippets go through
 * the whole pipeline — text reader, normalizer, extractor — so a check is tested on what it will really see.
 */
const CONTRACT_CHECKS = [
  'ratio-mismatch', 'rounded-to-full', 'sum-mismatch', 'part-exceeds-whole', 'status-contradiction', 'count-list-mismatch',
  'conflicting-values', 'reconciliation', 'percent-out-of-range', 'exceeds-population', 'ambiguous-number',
];

function findingsOf(ruleIndex: number, text: string) {
  const document = documentFromReportText(text);
  const { figures, quantities } = extractQuantities(document);
  return runChecks([CHECK_RULES[ruleIndex]!], { file: 'case.txt', document, figures, quantities, relations: relationIndex() });
}

describe('consistency checks', () => {
  it('every contract check id has a rule, and every rule file is listed', () => {
    expect(CHECK_RULES.map((rule) => rule.meta.id).sort()).toEqual([...CONTRACT_CHECKS].sort());
    const files = readdirSync(join(import.meta.dirname, '../rules/checks')).filter((name) => name !== 'index.ts').map((name) => name.replace(/\.ts$/u, ''));
    expect(files.sort()).toEqual([...CONTRACT_CHECKS].sort());
  });

  CHECK_RULES.forEach((rule, ruleIndex) => {
    describe(rule.meta.id, () => {
      it('has Vietnamese messages and a default severity', () => {
        expect(['error', 'warning', 'info']).toContain(rule.meta.defaultSeverity);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      });
      it.each(rule.tests.valid.map((testCase) => [testCase.name, testCase] as const))('valid: %s', (_name, testCase) => {
        const findings = findingsOf(ruleIndex, testCase.text);
        expect(findings.map((finding) => `${finding.message} [${finding.values.join(';')}]`)).toEqual([]);
      });
      it.each(rule.tests.invalid.map((testCase) => [testCase.name, testCase] as const))('invalid: %s', (_name, testCase) => {
        const findings = findingsOf(ruleIndex, testCase.text);
        expect(findings.map((finding) => ({ messageId: messageIdOf(rule.meta.messages, finding.message), values: finding.values }))).toEqual(testCase.errors);
        for (const finding of findings) {
          FindingSchema.parse(finding);
          expect(finding.rule).toBe(rule.meta.id);
          expect(finding.severity).toBe(rule.meta.defaultSeverity);
          expect(finding.message).not.toMatch(/\{\{|undefined|NaN/u);
          expect(finding.evidence.length).toBeGreaterThan(0);
          for (const evidence of finding.evidence) {
            expect(evidence.location.line).toBeGreaterThan(0);
            expect(testCase.text.replace(/\s*\|\s*/gu, ' ').replace(/\s+/gu, ' ')).toContain(evidence.quote.replace(/\s*\|\s*/gu, ' ').replace(/\s+/gu, ' ').replace(/^…|…$/gu, '').slice(0, 40));
          }
        }
      });
    });
  });
});

/** Which template produced a message: the one whose fixed words it contains. */
function messageIdOf(messages: Record<string, string>, message: string): string | undefined {
  return Object.entries(messages).find(([, template]) => template.split(/\{\{\s*\w+\s*\}\}/u).every((piece) => message.includes(piece)))?.[0];
}

describe('count-list-mismatch on a Word list as read', () => {
  // test/data/docx/word-lists.a.docx: word-lists.src through the corpus's Word producer
  // (npx tsx scripts/corpus/make.ts --src test/data/docx/word-lists.src --out test/data/docx --producers a.docx).
  // Word keeps list numbering out of the text: three bullets, then the lettered title "e) Làm sạch dữ liệu".
  it('does not count the next lettered item as a fourth bullet, and still finds a list longer than announced', async () => {
    const bytes = readFileSync(join(import.meta.dirname, 'data/docx/word-lists.a.docx'));
    const { result } = await processBytes(new Uint8Array(bytes), 'word-lists.a.docx');
    expect(result.findings.filter((finding) => finding.rule === 'count-list-mismatch').map((finding) => finding.values)).toEqual([[2, 3]]);
  });
});

describe('conflicting-values on a file as read', () => {
  // The snippets above share one line per paragraph; a TXT file (or a PDF) keeps each line's number, so a sentence
  // wrapped over two lines puts its two values on two lines, still one statement of two facts.
  it('takes one sentence wrapped over two lines as two facts', async () => {
    const text = 'UBND XÃ AN PHÚ\nBÁO CÁO tháng 5 năm 2025\nTrong tháng, Công an xã tiếp nhận 46 hồ sơ đăng ký thường trú của công dân chuyển đến từ ngoài tỉnh\nvà tiếp nhận 64 hồ sơ đăng ký thường trú của công dân chuyển đến trong tỉnh.\n';
    const { result } = await processBytes(new TextEncoder().encode(text), 'bao-cao.txt');
    const received = result.figures.filter((figure) => figure.metric === 'dossiers.received');
    expect(received.map((figure) => [figure.value, figure.procedure, figure.location.line])).toEqual([[46, 'thuong-tru', 3], [64, 'thuong-tru', 4]]);
    expect(result.findings.filter((finding) => finding.rule === 'conflicting-values')).toEqual([]);
  });
});
