import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import type { DocumentResult } from '../model/index.ts';
import { DocumentResultSchema } from '../model/index.ts';
import { TOOL_VERSION, RULES_VERSION } from '../version.ts';
import { csvHeader, csvRows, FIGURE_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS, figureRows, findingRows, reportRow } from './csv.ts';
import { reportHtmlShell, jsonForScriptBlock } from './html.ts';
import { pageDataHead, pageReport, ruleLabelsOf, type PageDataOptions } from './html/page-data.ts';

export interface StreamingOutputOptions {
  outDir: string;
  /** What report.html links and shows besides the documents (the `--baseline` review). */
  page?: Omit<PageDataOptions, 'sourcePaths'>;
}

interface TempFile {
  path: string;
  temporary: string;
  stream: WriteStream;
}

function temporaryPathFor(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/**
 * The run's outputs, written as the documents arrive instead of from a batch held in memory: CSV rows and
 * results.json's documents go straight to temp files, report.html's per-report data to another. finish() puts
 * results.json and report.html together from those parts (their headers need the end time and every rule seen)
 * and only then renames the five files into place, one after the other, like writeFilesAtomic: an interrupted
 * run leaves every previous output untouched. Bytes are the same as figuresCsv/…/reportHtml over the whole batch.
 */
export class StreamingOutputs {
  private readonly figures: TempFile;
  private readonly findings: TempFile;
  private readonly reports: TempFile;
  private readonly jsonBody: TempFile;
  private readonly pageBody: TempFile;
  private readonly all: TempFile[];
  private documents = 0;
  private readonly rulesSeen = new Set<string>();
  private failure?: Error;
  /** Temp files finish() creates besides the streamed ones (results.json and report.html being assembled). */
  private readonly extra: string[] = [];

  private constructor(private readonly options: StreamingOutputOptions) {
    const open = (name: string): TempFile => {
      const path = join(options.outDir, name);
      const temporary = temporaryPathFor(path);
      const stream = createWriteStream(temporary);
      // A write error surfaces at the next write or at finish(); it must not crash the process meanwhile.
      stream.on('error', (error) => (this.failure ??= error));
      return { path, temporary, stream };
    };
    this.figures = open('figures.csv');
    this.findings = open('findings.csv');
    this.reports = open('reports.csv');
    this.jsonBody = open('results.json.documents');
    this.pageBody = open('report.html.reports');
    this.all = [this.figures, this.findings, this.reports, this.jsonBody, this.pageBody];
    this.figures.stream.write(csvHeader(FIGURE_COLUMNS));
    this.findings.stream.write(csvHeader(FINDING_COLUMNS));
    this.reports.stream.write(csvHeader(REPORT_COLUMNS));
  }

  static async open(options: StreamingOutputOptions): Promise<StreamingOutputs> {
    await mkdir(options.outDir, { recursive: true });
    return new StreamingOutputs(options);
  }

  /** Documents must come in output order; `sourcePath` is the input's absolute path (report.html links it). */
  async add(document: DocumentResult, sourcePath: string | undefined): Promise<void> {
    if (this.failure) throw this.failure;
    // Validated one by one, as resultsJson validates the whole: a bad shape is our bug, caught before it is written.
    const valid = DocumentResultSchema.parse(document);
    const id = this.documents++;
    const separator = id === 0 ? '' : ',';
    await Promise.all([
      write(this.figures.stream, csvRows(figureRows(valid))),
      write(this.findings.stream, csvRows(findingRows(valid))),
      write(this.reports.stream, csvRows([reportRow(valid)])),
      write(this.jsonBody.stream, `${separator}\n${indent(JSON.stringify(valid, null, 2), '    ')}`),
      write(this.pageBody.stream, `${separator}${jsonForScriptBlock(pageReport(valid, id, sourcePath, this.options.page ?? {}, this.rulesSeen))}`),
    ]);
  }

  /** Writes results.json and report.html around the streamed parts, then renames all five files into place. */
  async finish(generatedAt: Date, signal?: AbortSignal): Promise<void> {
    try {
      await Promise.all(this.all.map((file) => close(file.stream)));
      if (this.failure) throw this.failure;
      signal?.throwIfAborted();
      const resultsPath = join(this.options.outDir, 'results.json');
      const resultsTemporary = temporaryPathFor(resultsPath);
      this.extra.push(resultsTemporary);
      const head = `{\n  "tool": "solieu",\n  "toolVersion": ${JSON.stringify(TOOL_VERSION)},\n  "rulesVersion": ${JSON.stringify(RULES_VERSION)},\n  "generatedAt": ${JSON.stringify(generatedAt.toISOString())},\n  "documents": [`;
      await concatenate(resultsTemporary, [head, { file: this.jsonBody.temporary }, this.documents === 0 ? ']\n}\n' : '\n  ]\n}\n']);
      signal?.throwIfAborted();

      const htmlPath = join(this.options.outDir, 'report.html');
      const htmlTemporary = temporaryPathFor(htmlPath);
      this.extra.push(htmlTemporary);
      const { before, after } = reportHtmlShell();
      const dataHead = jsonForScriptBlock(pageDataHead(generatedAt, this.options.page ?? {}, ruleLabelsOf(this.rulesSeen)));
      // pageDataHead ends with `"reports":[]}`: the reports go between its brackets.
      const open = dataHead.slice(0, -2);
      await concatenate(htmlTemporary, [before, open, { file: this.pageBody.temporary }, ']}', after]);
      signal?.throwIfAborted();

      await mkdir(dirname(resultsPath), { recursive: true });
      const renames: Array<[string, string]> = [
        [this.figures.temporary, this.figures.path],
        [this.findings.temporary, this.findings.path],
        [this.reports.temporary, this.reports.path],
        [resultsTemporary, resultsPath],
        [htmlTemporary, htmlPath],
      ];
      for (const [from, to] of renames) await rename(from, to);
      this.extra.length = 0;
    } finally {
      await this.discard();
    }
  }

  /** Removes every temp file (an interrupted or failed run writes nothing). */
  async discard(): Promise<void> {
    await Promise.all(this.all.map((file) => close(file.stream).catch(() => {})));
    await Promise.all([...this.all.map((file) => file.temporary), ...this.extra].map((path) => rm(path, { force: true })));
  }
}

function indent(text: string, prefix: string): string {
  return prefix + text.replaceAll('\n', `\n${prefix}`);
}

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (chunk === '') return;
  if (!stream.write(chunk)) await once(stream, 'drain');
}

function close(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

async function concatenate(target: string, parts: ReadonlyArray<string | { file: string }>): Promise<void> {
  const out = createWriteStream(target);
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  failed.catch(() => {});
  const work = (async () => {
    for (const part of parts) {
      if (typeof part === 'string') await write(out, part);
      else for await (const chunk of createReadStream(part.file)) if (!out.write(chunk)) await once(out, 'drain');
    }
    await close(out);
  })();
  await Promise.race([work, failed]);
}
