/**
 * The fixture province: one district's inbox for the first quarter of 2025, the blind corpus's p-group
 * (fixtures/corpus/files/p-*: eight communes × three months, one resend, the district's three monthly roll-ups and its
 * quarterly report), with the cross-report contradictions its gold readers found (fixtures/corpus/gold/batch-province.json).
 *
 * - `provinceBatch` picks one rendering of each report, by turns through the producers, so the batch mixes plain text,
 *   two DOCX producers and two PDF producers the same way on every run;
 * - `goldDocuments` turns the per-file gold into document results, so the checks across reports can be scored on
 *   figures read right (what the checks do) apart from figures read by the pipeline (what the batch gets);
 * - `scoreBatchFindings` scores findings against the batch gold.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchFinding, DocumentResult, Figure } from '../model/index.ts';
import { CorpusGoldFileSchema, type BatchGold, type CorpusGoldFile } from '../model/gold.ts';
import { loadBatchGold } from './corpus.ts';

/** The producers taken in turn; scans are left out (one report per format, read without OCR). */
export const PROVINCE_FORMATS = ['txt', 'a.docx', 'b.pdf', 'b.docx', 'a.pdf'] as const;

export interface ProvinceFile {
  /** The corpus id ("p-hongphong-02"). */
  id: string;
  source: string;
  /** The name in the batch folder: the id and the format's extension ("p-hongphong-02.docx"). */
  name: string;
}

export function provinceIds(root: string): string[] {
  return readdirSync(join(root, 'fixtures/corpus/gold'))
    .filter((name) => name.startsWith('p-') && name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

export function provinceBatch(root: string): ProvinceFile[] {
  return provinceIds(root).map((id, index) => {
    const format = PROVINCE_FORMATS[index % PROVINCE_FORMATS.length]!;
    const source = join(root, 'fixtures/corpus/files', `${id}.${format}`);
    if (!existsSync(source)) throw new Error(`the fixture province lacks ${id}.${format}`);
    return { id, source, name: `${id}.${format.replace(/^[a-z]+\./u, '')}` };
  });
}

/** Copies the batch into `folder` (created) and returns its files. */
export function assembleProvince(root: string, folder: string): ProvinceFile[] {
  mkdirSync(folder, { recursive: true });
  const files = provinceBatch(root);
  for (const file of files) copyFileSync(file.source, join(folder, file.name));
  return files;
}

/** The file's corpus id: its name without the extension ("p-ductrach-02-resend.pdf" → "p-ductrach-02-resend"). */
export function idOfFile(file: string): string {
  return file.replace(/^.*\//u, '').replace(/\.(?:txt|docx|pdf)$/u, '');
}

/**
 * The per-file gold of the p-group as document results, named like the batch's files: each figure with its metric,
 * value and qualifiers as the reader wrote them. A counted quantity outside the catalog keeps its noun and scope as its
 * metric ("nhân khẩu (làm sạch dữ liệu)"), so a running total of it is compared with itself only.
 */
export function goldDocuments(root: string): DocumentResult[] {
  return provinceBatch(root).map((file) => {
    const gold = CorpusGoldFileSchema.parse(JSON.parse(readFileSync(join(root, 'fixtures/corpus/gold', `${file.id}.json`), 'utf8')));
    return goldDocument(file.name, gold);
  });
}

export function goldDocument(name: string, gold: CorpusGoldFile): DocumentResult {
  const metadata = gold.metadata;
  const figures: Figure[] = [];
  gold.figures.forEach((figure, index) => {
    if (figure.change_vs !== undefined) return;
    const metric = figure.metric ?? (figure.noun ? `${figure.noun}${figure.scope ? ` (${figure.scope})` : ''}` : undefined);
    if (!metric) return;
    figures.push({
      id: `f${index}`,
      metric,
      value: figure.value,
      ...(figure.denominator !== null ? { denominator: figure.denominator } : {}),
      ...(figure.percent !== null ? { percent: figure.percent } : {}),
      unit: figure.unit,
      ...(figure.year !== null ? { year: figure.year } : {}),
      ...(figure.procedure !== null ? { procedure: figure.procedure } : {}),
      ...(figure.qualifier !== undefined ? { qualifier: figure.qualifier as Figure['qualifier'] } : {}),
      ...(figure.cumulative ? { cumulative: true } : {}),
      ...(figure.as_of !== undefined ? { asOf: figure.as_of } : {}),
      ...(figure.period !== undefined ? { period: figure.period } : {}),
      ...(figure.subject !== undefined ? { subject: figure.subject } : {}),
      ...(figure.parent !== undefined ? { parentId: `f${figure.parent}` } : {}),
      raw: figure.raw,
      evidence: figure.quote,
      location: { line: 1 },
      rule: 'gold',
    });
  });
  return {
    file: name,
    status: 'ok',
    metadata: {
      ...(metadata.unit_name ? { unitName: metadata.unit_name } : {}),
      ...(metadata.unit_level ? { unitLevel: metadata.unit_level } : {}),
      ...(metadata.district ? { district: metadata.district } : {}),
      ...(metadata.province ? { province: metadata.province } : {}),
      ...(metadata.doc_type ? { docType: metadata.doc_type } : {}),
      ...(metadata.period ? { period: metadata.period } : {}),
      ...(metadata.report_date ? { reportDate: metadata.report_date } : {}),
    } as DocumentResult['metadata'],
    figures,
    findings: [],
  };
}

export interface BatchScore {
  expected: number;
  caught: Array<{ gold: BatchGold['findings'][number]; finding: BatchFinding }>;
  missed: BatchGold['findings'];
  /** Findings that match no gold finding; `silent` when they fall on a place the gold calls consistent. */
  falsePositives: Array<{ finding: BatchFinding; silent: boolean }>;
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) < 0.051;

/** Same multiset of values (rates to one decimal): the order a check lists parts in is not scored. */
function sameValues(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const rest = [...b];
  return a.every((value) => {
    const at = rest.findIndex((other) => sameNumber(other, value));
    if (at < 0) return false;
    rest.splice(at, 1);
    return true;
  });
}

/**
 * A gold finding is caught by a finding of its rule with the same values. A finding that matches none is a false
 * positive, marked `silent` when the gold lists its rule and every file it names among a consistent place.
 */
export function scoreBatchFindings(findings: readonly BatchFinding[], gold: BatchGold): BatchScore {
  const unused = [...findings];
  const caught: BatchScore['caught'] = [];
  const missed: BatchGold['findings'] = [];
  for (const expected of gold.findings) {
    const at = unused.findIndex((finding) => finding.rule === expected.rule && sameValues(finding.values, expected.values));
    if (at < 0) missed.push(expected);
    else caught.push({ gold: expected, finding: unused.splice(at, 1)[0]! });
  }
  const silent = (gold.silent as Array<{ rule?: string; files?: string[] }>).filter((entry) => entry.rule && entry.files);
  const falsePositives = unused.map((finding) => ({
    finding,
    silent: silent.some((entry) => entry.rule === finding.rule && finding.files.every((file) => entry.files!.includes(idOfFile(file)))),
  }));
  return { expected: gold.findings.length, caught, missed, falsePositives };
}

export function provinceGold(root: string): BatchGold {
  return loadBatchGold(root, 'province');
}

/** "caught 10/10, false positives 0 (0 on places the gold calls consistent)". */
export function scoreLine(score: BatchScore): string {
  const silent = score.falsePositives.filter((entry) => entry.silent).length;
  return `caught ${score.caught.length}/${score.expected}, false positives ${score.falsePositives.length} (${silent} on places the gold calls consistent)`;
}
