import type { Document, Evidence, Figure, Finding, Quantity } from '../model/index.ts';
import type { RelationIndex } from './relation.ts';
import { fingerprintOf } from '../model/index.ts';
import { formatVietnameseNumber } from '../normalize/numbers.ts';
import type { CheckConfig } from './config.ts';
import { severityOf } from './config.ts';
import type { CheckContext, CheckProblem, CheckRule } from './rule.ts';

/**
 * Runs the configured checks over one document's figures. The engine only formats, locates and
 * fingerprints; what is inconsistent is decided in rules/checks/.
 */
export interface CheckInput {
  file: string;
  document: Document;
  /** The catalog figures. */
  figures: readonly Figure[];
  /** Every counted number, figures included (the same objects); the figures alone when not given. */
  quantities?: readonly Quantity[];
  /** The part–whole relations the checks read (rules/relations/). */
  relations: RelationIndex;
  /** The one year the report's period lies in: a figure stamped with it is of the report's own period. */
  reportYear?: number;
}

export function runChecks(rules: readonly CheckRule[], input: CheckInput, config?: CheckConfig): Finding[] {
  const findings: Finding[] = [];
  const quantities: readonly Quantity[] = input.quantities ?? input.figures.map((figure) => ({ ...figure, noun: figure.noun ?? figure.unit }));
  const figureById = new Map(quantities.map((quantity) => [quantity.id, quantity]));
  for (const rule of rules) {
    const severity = severityOf(rule.meta.id, rule.meta.defaultSeverity, config);
    if (severity === 'off') continue;
    const context: CheckContext = {
      file: input.file,
      document: input.document,
      figures: input.figures,
      quantities,
      relations: input.relations,
      ...(input.reportYear !== undefined ? { reportYear: input.reportYear } : {}),
      figureById,
      report(problem) {
        findings.push(toFinding(rule, severity, problem, input.file));
      },
    };
    rule.check(context);
  }
  return dedupe(findings);
}

function toFinding(rule: CheckRule, severity: Finding['severity'], problem: CheckProblem, file: string): Finding {
  const template = rule.meta.messages[problem.messageId];
  if (template === undefined) throw new Error(`check ${rule.meta.id} reported unknown messageId ${problem.messageId}`);
  const evidence: Evidence[] = [...(problem.figures ?? []).map(evidenceOf), ...(problem.evidence ?? [])];
  const finding: Finding = {
    rule: rule.meta.id,
    severity,
    fatal: false,
    message: fillTemplate(template, problem.data ?? {}),
    values: problem.values,
    evidence: uniqueEvidence(evidence),
    fingerprint: fingerprintOf(file, rule.meta.id, problem.values, problem.discriminator),
  };
  if (problem.expected !== undefined) finding.expected = problem.expected;
  if (problem.discriminator !== undefined) finding.discriminator = problem.discriminator;
  if (problem.why !== undefined) finding.why = problem.why;
  return finding;
}

export function fillTemplate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (_match, name: string) => {
    const value = data[name];
    if (value === undefined) return '';
    return typeof value === 'number' ? vietnamese(value) : value;
  });
}

/** 6702 → "6.702", 99.81 → "99,81", 0.76 → "0,76". */
export function vietnamese(value: number): string {
  const decimals = Number.isInteger(value) ? 0 : Math.min(2, (String(value).split('.')[1] ?? '').length);
  return formatVietnameseNumber(value, decimals);
}

/** The sentence of the figure's evidence that holds its raw text, so the quote is the sentence an auditor looks for. */
export function evidenceOf(figure: Figure | Quantity): Evidence {
  return { quote: sentenceAround(figure.evidence, figure.raw), location: figure.location };
}

function sentenceAround(text: string, raw: string): string {
  const at = text.indexOf(raw);
  if (at < 0 || text.length <= 240) return text.length <= 240 ? text : `${text.slice(0, 237)}…`;
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. ') + 2, before.lastIndexOf('; ') + 2, 0);
  const afterMatch = /[.;](?:\s|$)/u.exec(text.slice(at + raw.length));
  const end = afterMatch ? at + raw.length + afterMatch.index + 1 : text.length;
  const sentence = text.slice(start, end).trim();
  return sentence.length <= 300 ? sentence : `…${text.slice(Math.max(0, at - 120), Math.min(text.length, at + raw.length + 120)).trim()}…`;
}

function uniqueEvidence(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    const key = `${item.location.page ?? ''}:${item.location.line}:${item.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One problem found twice (e.g. from both sides of a pair) is one finding. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (seen.has(finding.fingerprint)) return false;
    seen.add(finding.fingerprint);
    return true;
  });
}
