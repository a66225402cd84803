/**
 * Finding and parsing the `.src` files of a run (shared by make.ts and selfcheck.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NamedModel } from './render-all.ts';
import { parseSource, SourceError } from './source.ts';
import { ALL_PRODUCERS, type Producer } from './tools.ts';

/** `.src` files named on the command line, directories expanded (sorted, not recursive). */
export function sourceFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new Error(`no such file or directory: ${path}`);
    }
    if (stats.isDirectory()) {
      files.push(...readdirSync(path).filter((name) => name.endsWith('.src')).sort().map((name) => join(path, name)));
    } else files.push(path);
  }
  return files;
}

/** Parses every file; collects all errors (file:line: message) so one run shows every broken source. */
export function loadSources(files: readonly string[]): NamedModel[] {
  const models: NamedModel[] = [];
  const errors: string[] = [];
  for (const file of files) {
    try {
      models.push({ id: basename(file).replace(/\.src$/u, ''), model: parseSource(readFileSync(file, 'utf8')) });
    } catch (error) {
      errors.push(error instanceof SourceError ? `${file}:${error.line}: ${error.message.replace(/^line \d+: /u, '')}` : `${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (errors.length) throw new Error(`cannot parse ${errors.length} source file(s):\n  ${errors.join('\n  ')}`);
  return models;
}

export function parseProducers(list: string | undefined): Producer[] {
  if (!list) return [...ALL_PRODUCERS];
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !ALL_PRODUCERS.includes(name as Producer));
  if (unknown.length) throw new Error(`unknown producer(s) ${unknown.join(', ')}; known: ${ALL_PRODUCERS.join(', ')}`);
  return names as Producer[];
}

