import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentResult } from '../model/index.ts';
import { DocumentResultSchema } from '../model/index.ts';
import { TOOL_VERSION, RULES_VERSION } from '../version.ts';
import {
  batchFindingRows, csvHeader, csvRows, FIGURE_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS, figureRows, findingRows, reportRow, rollupCsv,
} from './csv.ts';
import { reportHtmlShell, jsonForScriptBlock } from './html.ts';
import { pageDataHead, pageReport, ruleLabelsOf, type PageDataOptions, type PageFiles } from './html/page-data.ts';
import { createStaging, publishOutputs, type OutputManifest, type PublishedFile } from './publish.ts';
import { sarifBatchResults, sarifHead, sarifResults, sarifTail, type SarifRule } from './sarif.ts';
import { batchJsonTail } from './json.ts';
import { readStagedRows, stagedRow, writeWorkbook } from './xlsx.ts';
import { WORKBOOK_SHEETS } from './workbook.ts';
import { analyseBatch, summarizeForBatch, type BatchReport, type ProvinceResults } from '../province/index.ts';
import type { CheckConfig } from '../check/config.ts';

export interface StreamingOutputOptions {
  outDir: string;
  /** What report.html links and shows besides the documents (the `--baseline` review). */
  page?: Omit<PageDataOptions, 'sourcePaths'>;
  /**
   * `--format json|sarif`: once the set is published, results.json (json) or a SARIF 2.1.0 log of the same
   * findings (sarif, with these rules) is written to `stream` (the command's stdout). The files in DIR are the same either way.
   */
  print?: { format: 'json'; stream: NodeJS.WritableStream } | { format: 'sarif'; stream: NodeJS.WritableStream; rules: readonly SarifRule[] };
  /** The check configuration: severities of the checks across reports, run by finish() over the whole batch. */
  checks?: CheckConfig;
}

/** A file being written in the staging folder, hashed as it is written (the manifest needs every hash). */
interface StagedFile {
  path: string;
  stream: WriteStream;
  hash: Hash;
  bytes: number;
}

/**
 * The run's outputs, written as the documents arrive instead of from a batch held in memory: CSV rows and
 * results.json's documents go straight to files in the run's staging folder (src/report/publish.ts),
 * report.html's per-report data to another. finish() puts results.json and report.html together from those
 * parts (their headers need the end time and every rule seen), then publishes the five files as one unit with
 * DIR/outputs.json last. An interrupted or failed run leaves every previous output untouched, and its staging
 * folder is removed (by discard(), or by the next run if this one was killed). Bytes are the same as
 * figuresCsv/…/reportHtml over the whole batch. A write error (a full disk) is raised by the next add(), so the
 * batch stops at once instead of after parsing every file.
 */
export class StreamingOutputs {
  private readonly figures: StagedFile;
  private readonly findings: StagedFile;
  private readonly reports: StagedFile;
  private readonly jsonBody: StagedFile;
  private readonly pageBody: StagedFile;
  private readonly all: StagedFile[];
  private documents = 0;
  private readonly rulesSeen = new Set<string>();
  private failure?: Error;
  private readonly sarif?: { part: StagedFile; ruleIndex: Map<string, number>; results: number };
  /** What the checks across reports need of each document (src/province/heads.ts), kept until finish(). */
  private readonly batchReports: BatchReport[] = [];
  /** Each document's page id and, for a PDF, its file: URL: batch findings link their reports. */
  private readonly pageFiles = new Map<string, { id: number; href?: string }>();
  /** Rows staged for the workbook's sheets (JSON lines), written into solieu.xlsx by finish(). */
  private readonly sheetParts: Record<'reports' | 'findings' | 'figures', StagedFile>;
  private province?: ProvinceResults;

  private constructor(
    private readonly options: StreamingOutputOptions,
    private readonly staging: { folder: string; run: string },
  ) {
    this.figures = this.stage('figures.csv');
    this.findings = this.stage('findings.csv');
    this.reports = this.stage('reports.csv');
    this.jsonBody = this.stage('results.json.documents');
    this.pageBody = this.stage('report.html.reports');
    this.sheetParts = { reports: this.stage('xlsx.reports.jsonl'), findings: this.stage('xlsx.findings.jsonl'), figures: this.stage('xlsx.figures.jsonl') };
    this.all = [this.figures, this.findings, this.reports, this.jsonBody, this.pageBody, ...Object.values(this.sheetParts)];
    if (options.print?.format === 'sarif') {
      this.sarif = { part: this.stage('results.sarif.results'), ruleIndex: new Map(options.print.rules.map((rule, index) => [rule.id, index])), results: 0 };
      this.all.push(this.sarif.part);
    }
    this.write(this.figures, csvHeader(FIGURE_COLUMNS));
    this.write(this.findings, csvHeader(FINDING_COLUMNS));
    this.write(this.reports, csvHeader(REPORT_COLUMNS));
  }

  static async open(options: StreamingOutputOptions): Promise<StreamingOutputs> {
    await mkdir(options.outDir, { recursive: true });
    return new StreamingOutputs(options, await createStaging(options.outDir));
  }

  /** The staging folder (removed once published or discarded). */
  get stagingFolder(): string {
    return this.staging.folder;
  }

  private stage(name: string): StagedFile {
    const path = join(this.staging.folder, name);
    const stream = createWriteStream(path);
    // A write error surfaces at the next add() or at finish(); it must not crash the process meanwhile.
    stream.on('error', (error) => (this.failure ??= error));
    return { path, stream, hash: createHash('sha256'), bytes: 0 };
  }

  private write(file: StagedFile, chunk: string | Buffer): Promise<void> {
    if (chunk.length === 0) return Promise.resolve();
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    file.hash.update(bytes);
    file.bytes += bytes.byteLength;
    return write(file.stream, bytes);
  }

  /** Documents must come in output order; `sourcePath` is the input's absolute path (report.html links it). */
  async add(document: DocumentResult, sourcePath: string | undefined): Promise<void> {
    if (this.failure) throw this.failure;
    // Validated one by one, as resultsJson validates the whole: a bad shape is our bug, caught before it is written.
    const valid = DocumentResultSchema.parse(document);
    const id = this.documents++;
    const separator = id === 0 ? '' : ',';
    this.batchReports.push(summarizeForBatch(valid, id));
    const figures = figureRows(valid);
    const findings = findingRows(valid);
    const report = reportRow(valid);
    const page = pageReport(valid, id, sourcePath, this.options.page ?? {}, this.rulesSeen);
    if (!this.pageFiles.has(valid.file)) this.pageFiles.set(valid.file, { id, ...(page.format === 'pdf' && page.href ? { href: page.href } : {}) });
    await Promise.all([
      this.write(this.figures, csvRows(figures)),
      this.write(this.findings, csvRows(findings)),
      this.write(this.reports, csvRows([report])),
      this.write(this.sheetParts.figures, figures.map(stagedRow).join('')),
      this.write(this.sheetParts.findings, findings.map(stagedRow).join('')),
      this.write(this.sheetParts.reports, stagedRow(report)),
      this.write(this.jsonBody, `${separator}\n${indent(JSON.stringify(valid, null, 2), '    ')}`),
      this.write(this.pageBody, `${separator}${jsonForScriptBlock(page)}`),
      this.sarif ? this.writeSarif(valid) : undefined,
    ]);
    if (this.failure) throw this.failure;
  }

  private writeSarif(document: DocumentResult): Promise<void> {
    return this.writeSarifTexts(sarifResults(document, this.sarif!.ruleIndex));
  }

  private writeSarifTexts(results: readonly string[]): Promise<void> {
    const sarif = this.sarif!;
    const texts = results.map((text) => `${sarif.results++ === 0 ? '\n        ' : ',\n        '}${text}`);
    return this.write(sarif.part, texts.join(''));
  }

  /** Size and sha256 of a file written into the staging folder by another writer (the workbook). */
  private async hashFile(name: string): Promise<PublishedFile> {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(join(this.staging.folder, name))) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).byteLength;
    }
    return { bytes, sha256: hash.digest('hex') };
  }

  /** The checks across reports of the batch, once finish() has run them (the runner counts their severities). */
  get provinceResults(): ProvinceResults | undefined {
    return this.province;
  }

  /**
   * Runs the checks across reports over what add() kept, appends their findings (to findings.csv, the workbook, the
   * SARIF log), writes rollup.csv, solieu.xlsx, results.json and report.html around the streamed parts, then publishes
   * the set as one unit.
   */
  async finish(generatedAt: Date, signal?: AbortSignal): Promise<OutputManifest> {
    try {
      const review = this.options.page?.review;
      const province = analyseBatch(this.batchReports, { ...(this.options.checks ? { checks: this.options.checks } : {}), ...(review ? { review } : {}) });
      this.province = province;
      const batchRows = batchFindingRows(province.findings);
      await Promise.all([
        this.write(this.findings, csvRows(batchRows)),
        this.write(this.sheetParts.findings, batchRows.map(stagedRow).join('')),
        this.sarif ? this.writeSarifTexts(sarifBatchResults(province.findings, province.suppressed, this.sarif.ruleIndex)) : undefined,
      ]);
      await Promise.all(this.all.map((file) => close(file.stream)));
      if (this.failure) throw this.failure;
      signal?.throwIfAborted();
      const head = `{\n  "tool": "solieu",\n  "toolVersion": ${JSON.stringify(TOOL_VERSION)},\n  "rulesVersion": ${JSON.stringify(RULES_VERSION)},\n  "generatedAt": ${JSON.stringify(generatedAt.toISOString())},\n  "documents": [`;
      const results = await this.concatenate('results.json', [head, { file: this.jsonBody.path }, `${this.documents === 0 ? ']' : '\n  ]'}${batchJsonTail(province)}`]);
      signal?.throwIfAborted();
      const rollup = await this.concatenate('rollup.csv', [rollupCsv(province.rollup)]);
      await writeWorkbook(join(this.staging.folder, 'solieu.xlsx'), [
        { ...WORKBOOK_SHEETS.rollup, rows: province.rollup.map((row) => WORKBOOK_SHEETS.rollup.cells(row)) },
        { ...WORKBOOK_SHEETS.reports, rows: readStagedRows(this.sheetParts.reports.path) },
        { ...WORKBOOK_SHEETS.findings, rows: readStagedRows(this.sheetParts.findings.path) },
        { ...WORKBOOK_SHEETS.figures, rows: readStagedRows(this.sheetParts.figures.path) },
      ]);
      const workbook = await this.hashFile('solieu.xlsx');
      signal?.throwIfAborted();

      const { before, after } = reportHtmlShell();
      const dataHead = jsonForScriptBlock(pageDataHead(generatedAt, this.options.page ?? {}, ruleLabelsOf(this.rulesSeen), province, this.pageFiles as PageFiles));
      // pageDataHead ends with `"reports":[]}`: the reports go between its brackets.
      const open = dataHead.slice(0, -2);
      const html = await this.concatenate('report.html', [before, open, { file: this.pageBody.path }, ']}', after]);
      signal?.throwIfAborted();
      await Promise.all([rm(this.jsonBody.path), rm(this.pageBody.path), ...Object.values(this.sheetParts).map((part) => rm(part.path))]);
      const print = this.options.print;
      // The SARIF log is staged beside the set but not published: it goes to stdout only.
      const sarifLog = this.sarif && print?.format === 'sarif' ? await this.concatenate('results.sarif', [sarifHead(print.rules), { file: this.sarif.part.path }, sarifTail(generatedAt, this.sarif.results)]) : undefined;

      const published: Record<string, PublishedFile> = {
        'figures.csv': summary(this.figures),
        'findings.csv': summary(this.findings),
        'reports.csv': summary(this.reports),
        'results.json': results,
        'report.html': html,
        'rollup.csv': rollup,
        'solieu.xlsx': workbook,
      };
      const manifest = await publishOutputs(this.options.outDir, this.staging, published, generatedAt, undefined, true);
      if (print) await copyTo(print.format === 'sarif' && sarifLog ? join(this.staging.folder, 'results.sarif') : join(this.options.outDir, 'results.json'), print.stream);
      return manifest;
    } finally {
      await this.discard();
    }
  }

  /** Removes the staging folder (an interrupted or failed run publishes nothing). */
  async discard(): Promise<void> {
    await Promise.all(this.all.map((file) => close(file.stream).catch(() => {})));
    await rm(this.staging.folder, { recursive: true, force: true });
  }

  private async concatenate(name: string, parts: ReadonlyArray<string | { file: string }>): Promise<PublishedFile> {
    const target = this.stage(name);
    for (const part of parts) {
      if (typeof part === 'string') await this.write(target, part);
      else for await (const chunk of createReadStream(part.file)) await this.write(target, chunk as Buffer);
      if (this.failure) throw this.failure;
    }
    await close(target.stream);
    if (this.failure) throw this.failure;
    return summary(target);
  }
}

/** Copies a file to stdout; a reader that went away (`| head`) is not an error of the run. */
async function copyTo(path: string, stream: NodeJS.WritableStream): Promise<void> {
  let closed = false;
  const onError = () => (closed = true);
  stream.on('error', onError);
  try {
    for await (const chunk of createReadStream(path)) {
      if (closed) break;
      if (!stream.write(chunk as Buffer)) await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
      });
    }
  } finally {
    stream.off('error', onError);
  }
}

function summary(file: StagedFile): PublishedFile {
  return { bytes: file.bytes, sha256: file.hash.copy().digest('hex') };
}

function indent(text: string, prefix: string): string {
  return prefix + text.replaceAll('\n', `\n${prefix}`);
}

async function write(stream: WriteStream, chunk: string | Buffer): Promise<void> {
  if (chunk.length === 0 || stream.destroyed) return;
  if (stream.write(chunk)) return;
  // Wait for the buffer to drain, or for the stream to fail (its error is recorded by its own listener).
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

function close(stream: WriteStream): Promise<void> {
  if (stream.closed || stream.destroyed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
}
