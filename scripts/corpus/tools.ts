/**
 * The external programs the producers call, and a check that names every missing one (with its apt
 * package) before any work starts, instead of failing half-way through a batch.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function run(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: Buffer; okCodes?: number[]; timeoutMs?: number } = {}): Buffer {
  const result = spawnSync(command, args, {
    env: options.env ?? process.env,
    input: options.input,
    maxBuffer: 512 * 1024 * 1024,
    timeout: options.timeoutMs ?? 30 * 60 * 1000,
  });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (!(options.okCodes ?? [0]).includes(result.status ?? -1)) {
    const shown = args.length > 12 ? [...args.slice(0, 12), `… (${args.length - 12} more)`] : args;
    throw new Error(`${command} ${shown.join(' ')} exited with ${result.status ?? result.signal}:\n${result.stderr.toString()}`);
  }
  return result.stdout;
}

export function which(program: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v "$0"`, program]);
  const found = result.stdout.toString().trim();
  return result.status === 0 && found ? found : undefined;
}

/**
 * ImageMagick's convert. /usr/local/bin/convert on some sandboxes is a stand-in that only prints PNGs and
 * defers to /usr/bin/convert when that exists; go to the real one directly.
 */
export function imageMagick(): string | undefined {
  for (const candidate of ['/usr/bin/convert', which('convert')]) {
    if (!candidate || !existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['-version']).stdout?.toString() ?? '';
    if (/ImageMagick/u.test(version)) return candidate;
  }
  return undefined;
}

export type Producer = 'txt' | 'a.docx' | 'b.docx' | 'a.pdf' | 'b.pdf';
export const ALL_PRODUCERS: readonly Producer[] = ['txt', 'a.docx', 'b.docx', 'a.pdf', 'b.pdf'];

const PACKAGE_OF: Record<string, string> = {
  soffice: 'libreoffice-writer',
  qpdf: 'qpdf',
  'fix-qdf': 'qpdf',
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  img2pdf: 'img2pdf',
  convert: 'imagemagick',
};

/** The programs a run needs, given what it produces. */
export function programsNeeded(producers: readonly Producer[], scans: boolean, extra: readonly string[] = []): string[] {
  const needed = new Set<string>(extra);
  if (producers.includes('b.docx') || producers.includes('a.pdf') || scans) needed.add('soffice');
  if (producers.includes('a.pdf') || scans) {
    needed.add('qpdf');
    needed.add('fix-qdf');
  }
  if (scans) {
    for (const program of ['pdftoppm', 'img2pdf', 'convert']) needed.add(program);
  }
  return [...needed];
}

/** Throws one message naming every missing program and the apt package that provides it. */
export function requirePrograms(programs: readonly string[]): void {
  const missing = programs.filter((program) => (program === 'convert' ? !imageMagick() : !which(program)));
  if (missing.length === 0) return;
  const lines = missing.map((program) => `  ${program}  (apt-get install ${PACKAGE_OF[program] ?? program})`);
  throw new Error(`missing programs:\n${lines.join('\n')}`);
}

/** `run` without blocking, for work spread over the machine's cores (scans). */
export function runAsync(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => reject(new Error(`${command}: ${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}:\n${stderr}`))));
  });
}

/** Runs `tasks` with at most `limit` at a time; results in task order. */
export async function pool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  return results;
}
