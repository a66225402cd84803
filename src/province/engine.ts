/**
 * Runs the configured checks across the reports of one batch (rules/batch-checks/, handed in: the engine never
 * imports a rule) over the province view, after every file is read. The engine only formats, quotes, orders and
 * fingerprints; what contradicts what is decided by the rules.
 */
import type { BatchEvidence, BatchFinding, Figure } from '../model/index.ts';
import { fingerprintOf } from '../model/index.ts';
import { evidenceOf, fillTemplate } from '../check/engine.ts';
import { severityOf, type CheckConfig } from '../check/config.ts';
import type { BatchCheckContext, BatchCheckRule, BatchProblem } from './rule.ts';
import type { ProvinceView } from './view.ts';

/** At most this many quotes per finding, as for a file's findings (the message names every file all the same). */
const MAX_QUOTES = 10;

export function runBatchChecks(
  rules: readonly BatchCheckRule[],
  view: ProvinceView,
  metricLabel: (metric: string) => string,
  config?: CheckConfig,
): BatchFinding[] {
  const order = new Map(view.reports.map((report) => [report.file, report.index]));
  const findings: BatchFinding[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule.meta.id, rule.meta.defaultSeverity, config);
    if (severity === 'off') continue;
    const context: BatchCheckContext = {
      view,
      metricLabel,
      report(problem) {
        findings.push(toFinding(rule, severity, problem, order));
      },
    };
    rule.check(context);
  }
  const seen = new Set<string>();
  return findings.filter((finding) => !seen.has(finding.fingerprint) && seen.add(finding.fingerprint));
}

function toFinding(rule: BatchCheckRule, severity: BatchFinding['severity'], problem: BatchProblem, order: ReadonlyMap<string, number>): BatchFinding {
  const template = rule.meta.messages[problem.messageId];
  if (template === undefined) throw new Error(`batch check ${rule.meta.id} reported unknown messageId ${problem.messageId}`);
  const files = [...new Set([problem.file, ...problem.involved.map((item) => item.file)])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const evidence: BatchEvidence[] = [];
  const quoted = new Set<string>();
  for (const item of problem.involved) {
    if (!item.figure || evidence.length >= MAX_QUOTES) continue;
    const { quote, location } = evidenceOf(item.figure as unknown as Figure);
    const key = `${item.file}\u0000${location.page ?? ''}:${location.line}:${quote}`;
    if (quoted.has(key)) continue;
    quoted.add(key);
    evidence.push({ file: item.file, quote, location });
  }
  const finding: BatchFinding = {
    rule: rule.meta.id,
    severity,
    fatal: false,
    message: fillTemplate(template, problem.data ?? {}),
    values: problem.values,
    file: problem.file,
    files,
    evidence,
    // Every file involved is part of what the finding is: the same numbers between other reports are another finding.
    fingerprint: fingerprintOf(files.join('\n'), rule.meta.id, problem.values, problem.discriminator),
    ...(problem.expected !== undefined ? { expected: problem.expected } : {}),
    ...(problem.why !== undefined ? { why: problem.why } : {}),
    ...(problem.discriminator !== undefined ? { discriminator: problem.discriminator } : {}),
    ...(problem.unit !== undefined ? { unit: problem.unit } : {}),
    ...(problem.period !== undefined ? { period: problem.period } : {}),
    ...(problem.metric !== undefined ? { metric: problem.metric } : {}),
  };
  return finding;
}

/** "p-hongphong-02.txt, p-hongphong-03.txt và p-district-03.txt". */
export function fileList(files: readonly string[]): string {
  const unique = [...new Set(files)];
  if (unique.length <= 1) return unique.join('');
  return `${unique.slice(0, -1).join(', ')} và ${unique[unique.length - 1]}`;
}
