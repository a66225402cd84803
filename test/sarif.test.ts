import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResultsSchema, type Results } from '../src/model/index.ts';
import { CHECK_RULES } from '../src/check/index.ts';
import { FINGERPRINT_KEY, INGEST_RULES } from '../src/report/sarif.ts';
import { BATCH_CHECK_RULES } from '../src/province/index.ts';

/**
 * `--format json` and `--format sarif` print to stdout for scripts and CI while the files in --out are written
 * as before; `--quiet` leaves stderr to errors. The SARIF log is validated against the official OASIS schema
 * (schemas/sarif-schema-2.1.0.json, JSON Schema draft-04) with ajv.
 */

const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'bin/solieu.mjs');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'solieu-sarif-'));
  const input = join(work, 'in');
  await mkdir(join(input, 'huyện A'), { recursive: true });
  for (const file of ['seed-004.pdf', 'seed-001.txt', 'seed-000.docx']) await cp(join(root, 'fixtures/reports', file), join(input, file));
  await cp(join(root, 'fixtures/reports/seed-004.txt'), join(input, 'huyện A', 'báo cáo #1 (bản cuối).txt'));
  await writeFile(join(input, 'ghi chú.xlsx'), 'PK\u0003\u0004');
  await cp(join(root, 'fixtures/bad/truncated-half.pdf'), join(input, 'hỏng.pdf'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const env = { ...process.env };
    delete env.SOLIEU_TEST_HOOKS;
    const child = spawn(process.execPath, [CLI, ...args], { cwd: work, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; shortDescription: { text: string }; defaultConfiguration: { level: string; enabled?: boolean } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; snippet?: { text: string } } }; properties?: { page?: number } }>;
      partialFingerprints: Record<string, string>;
      suppressions?: Array<{ kind: string; justification?: string }>;
    }>;
  }>;
}

async function validator() {
  const schema = JSON.parse(await readFile(join(root, 'schemas/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  // The official OASIS file (errata01), a JSON Schema draft-04.
  expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  expect(schema.id).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
  // Both packages are CommonJS whose module.exports also carries itself as `default`, which is what the types name.
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe('--format sarif', () => {
  let log: SarifLog;
  let results: Results;
  let stderr: string;

  beforeAll(async () => {
    const review = {
      tool: 'solieu',
      version: 1,
      decisions: [] as Array<Record<string, string>>,
    };
    // A first run finds the seed's ratio-mismatch; the review dismisses it; the second run prints SARIF with it suppressed.
    const first = await runCli(['run', 'in', '--out', 'out', '--format', 'json', '--quiet', '--ocr', 'off']);
    expect(first.code, first.stderr).toBe(0);
    const firstResults = ResultsSchema.parse(JSON.parse(first.stdout));
    const ratio = firstResults.documents.flatMap((document) => document.findings).find((finding) => finding.rule === 'ratio-mismatch')!;
    review.decisions.push({ fingerprint: ratio.fingerprint, decision: 'dismissed', note: 'Bản giấy ghi 99,81%' });
    await writeFile(join(work, 'review.json'), JSON.stringify(review));
    const run = await runCli(['run', 'in', '--out', 'out', '--format', 'sarif', '--baseline', 'review.json', '--rule', 'ambiguous-number=off', '--ocr', 'off']);
    expect(run.code, run.stderr).toBe(0);
    stderr = run.stderr;
    log = JSON.parse(run.stdout) as SarifLog;
    results = ResultsSchema.parse(JSON.parse(await readFile(join(work, 'out/results.json'), 'utf8')));
  }, 180_000);

  it('is valid against the official SARIF 2.1.0 schema', async () => {
    const validate = await validator();
    const valid = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toEqual([]);
    expect(valid).toBe(true);
    expect(log.version).toBe('2.1.0');
    // The validator does refuse what is not SARIF 2.1.0.
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'x', level: 'fatal', message: { text: 'x' } }] }] })).toBe(false);
  });

  it('has one result per finding (dismissed ones included), in the order of results.json', () => {
    const findings = results.documents.flatMap((document) => [...document.findings, ...(document.suppressedFindings ?? [])].map((finding) => ({ document, finding })));
    expect(findings.length).toBeGreaterThan(5);
    const byDocument = results.documents.flatMap((document) => [
      ...document.findings.map((finding) => finding.fingerprint),
      ...(document.suppressedFindings ?? []).map((finding) => finding.fingerprint),
    ]);
    // Then the findings across reports, once for the batch.
    const batch = [...(results.batchFindings ?? []), ...(results.batchSuppressedFindings ?? [])].map((finding) => finding.fingerprint);
    expect(log.runs[0]!.results.map((result) => result.partialFingerprints[FINGERPRINT_KEY])).toEqual([...byDocument, ...batch]);
    for (const [index, { document, finding }] of findings.entries()) {
      const result = log.runs[0]!.results[index]!;
      expect(result.ruleId).toBe(finding.rule);
      expect(result.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[finding.severity]);
      expect(result.message.text).toBe(finding.message);
      const where = result.locations[0]!;
      expect(decodeURIComponent(where.physicalLocation.artifactLocation.uri)).toBe(document.file);
      const evidence = finding.evidence[0];
      if (evidence) {
        expect(where.physicalLocation.region?.startLine).toBe(evidence.location.line);
        expect(where.physicalLocation.region?.snippet?.text).toBe(evidence.quote);
        expect(where.properties?.page).toBe(evidence.location.page);
      } else {
        expect(where.physicalLocation.region).toBeUndefined();
      }
    }
  });

  it('names every rule with its metadata and this run\'s configured level; results point at their rule', () => {
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual([...CHECK_RULES.map((rule) => rule.meta.id), ...BATCH_CHECK_RULES.map((rule) => rule.meta.id), ...INGEST_RULES.map((rule) => rule.id)]);
    for (const rule of rules) expect(rule.shortDescription.text.length).toBeGreaterThan(5);
    expect(rules.find((rule) => rule.id === 'ratio-mismatch')!.defaultConfiguration.level).toBe('error');
    expect(rules.find((rule) => rule.id === 'ambiguous-number')!.defaultConfiguration).toEqual({ enabled: false, level: 'none' });
    expect(rules.find((rule) => rule.id === 'ingest.skipped')!.defaultConfiguration.level).toBe('note');
    for (const result of log.runs[0]!.results) expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
  });

  it('marks the finding a baseline dismissed as an external suppression with the note', () => {
    const suppressed = log.runs[0]!.results.filter((result) => result.suppressions);
    expect(suppressed.map((result) => [result.ruleId, result.suppressions])).toEqual([['ratio-mismatch', [{ kind: 'external', status: 'accepted', justification: 'Bản giấy ghi 99,81%' }]]]);
  });

  it('gives a PDF finding its page, a skipped file and an unreadable one their results, and URIs percent-encoded', () => {
    const all = log.runs[0]!.results;
    expect(all.some((result) => result.locations[0]!.properties?.page !== undefined)).toBe(true);
    expect(all.find((result) => result.ruleId === 'ingest.skipped')!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('ghi%20ch%C3%BA.xlsx');
    expect(all.find((result) => result.ruleId === 'ingest.failed')!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('h%E1%BB%8Fng.pdf');
    expect(all.some((result) => result.locations[0]!.physicalLocation.artifactLocation.uri === 'huy%E1%BB%87n%20A/b%C3%A1o%20c%C3%A1o%20%231%20(b%E1%BA%A3n%20cu%E1%BB%91i).txt')).toBe(true);
  });

  it('leaves progress and the summary on stderr, and the files in --out as they are without --format', async () => {
    expect(stderr).toMatch(/xong 6 tệp/u);
    const plain = await runCli(['run', 'in', '--out', 'out-plain', '--baseline', 'review.json', '--rule', 'ambiguous-number=off', '--ocr', 'off']);
    expect(plain.stdout).toBe('');
    for (const name of ['figures.csv', 'findings.csv', 'reports.csv']) {
      expect(await readFile(join(work, 'out-plain', name), 'utf8'), name).toBe(await readFile(join(work, 'out', name), 'utf8'));
    }
  }, 120_000);
});

describe('--format json and --quiet', () => {
  it('prints results.json, byte for byte, and nothing on stderr', async () => {
    const run = await runCli(['run', 'in', '--out', 'out-json', '--format', 'json', '--quiet', '--ocr', 'off']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(await readFile(join(work, 'out-json/results.json'), 'utf8'));
    expect(ResultsSchema.parse(JSON.parse(run.stdout)).documents).toHaveLength(6);
  }, 120_000);

  it('--quiet still says what went wrong', async () => {
    const run = await runCli(['run', 'in', '--out', 'in/seed-001.txt', '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out phải là một thư mục/u);
  });
});
