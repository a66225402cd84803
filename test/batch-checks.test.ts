import { describe, expect, it } from 'vitest';
import { BATCH_CHECK_RULES, analyseDocuments } from '../src/province/index.ts';
import { processBytes } from '../src/pipeline/index.ts';
import type { BatchCase } from '../src/province/rule.ts';

/**
 * Every check across reports runs its own example batches (rules/batch-checks/<id>.ts): each report is read through
 * the whole pipeline, then the batch is checked as `solieu run` checks it. A valid batch gives no finding of the check;
 * an invalid one exactly the findings listed, with their values and (where given) the files involved.
 */
async function findingsOf(batch: BatchCase) {
  const documents = [];
  for (const report of batch.reports) documents.push((await processBytes(new TextEncoder().encode(report.text), report.file)).result);
  return analyseDocuments(documents).findings;
}

describe.each(BATCH_CHECK_RULES.map((rule) => [rule.meta.id, rule] as const))('batch check %s', (id, rule) => {
  it.each(rule.tests.valid.map((batch) => [batch.name, batch] as const))('valid: %s', async (_name, batch) => {
    const findings = (await findingsOf(batch)).filter((finding) => finding.rule === id);
    expect(findings.map((finding) => `${finding.values.join(';')} ${finding.message}`)).toEqual([]);
  });

  it.each(rule.tests.invalid.map((batch) => [batch.name, batch] as const))('invalid: %s', async (_name, batch) => {
    const findings = (await findingsOf(batch)).filter((finding) => finding.rule === id);
    expect(findings.map((finding) => finding.values)).toEqual(batch.errors.map((error) => error.values));
    for (const [index, error] of batch.errors.entries()) {
      const finding = findings[index]!;
      expect(finding.message).toBe(finding.message.trim());
      expect(finding.message).not.toMatch(/\{\{|undefined|NaN/u);
      if (error.files) expect(finding.files).toEqual(error.files);
      // Every file involved is named in the message, and every quote comes from one of them.
      for (const file of finding.files) expect(finding.message).toContain(file);
      for (const evidence of finding.evidence) expect(finding.files).toContain(evidence.file);
      expect(finding.severity).toBe(rule.meta.defaultSeverity);
    }
  });
});
