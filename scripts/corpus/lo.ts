/**
 * LibreOffice, batched. Starting soffice costs seconds (much more with a fresh profile), so every conversion
 * of a run goes through ONE soffice call per kind with all the files on its command line, and the profile
 * directory is kept between calls and between runs.
 *
 * Two runs must not share a profile at the same time (the second soffice would hand its work to the first
 * and exit), so the shared profile is taken with a lock; a run that finds it locked uses a throw-away one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from './tools.ts';

interface Profile {
  dir: string;
  release: () => void;
}

let profile: Profile | undefined;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The profile this process uses for every soffice call; taken once, released at exit. */
function takeProfile(): Profile {
  if (profile) return profile;
  const shared = process.env.CORPUS_LO_PROFILE ?? join(tmpdir(), `corpus-lo-profile-${userInfo().uid}`);
  const lock = `${shared}.lock`;
  const tryLock = (): boolean => {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return true;
    } catch {
      return false;
    }
  };
  let locked = tryLock();
  if (!locked) {
    // A lock left by a run that crashed is taken over.
    const owner = Number(existsSync(join(lock, 'pid')) ? readFileSync(join(lock, 'pid'), 'utf8') : NaN);
    if (Number.isFinite(owner) && !processAlive(owner)) {
      rmSync(lock, { recursive: true, force: true });
      locked = tryLock();
    }
  }
  if (locked) {
    const release = (): void => rmSync(lock, { recursive: true, force: true });
    process.once('exit', release);
    profile = { dir: shared, release };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-lo-profile-'));
    const release = (): void => rmSync(dir, { recursive: true, force: true });
    process.once('exit', release);
    profile = { dir, release };
  }
  return profile;
}

export type Conversion = 'html-to-docx' | 'docx-to-pdf';

/**
 * Converts every input with one soffice call; returns the output paths in input order. Inputs must have
 * distinct base names (soffice names each output after its input).
 */
export function convertAll(inputs: readonly string[], conversion: Conversion, outDir: string): string[] {
  if (inputs.length === 0) return [];
  mkdirSync(outDir, { recursive: true });
  const extension = conversion === 'html-to-docx' ? '.docx' : '.pdf';
  const outputOf = (input: string) => join(outDir, `${basename(input, extname(input))}${extension}`);
  // soffice sometimes stops part-way through a long batch (a crash, another office sharing the machine): convert
  // in chunks, and give what is still missing two more tries before giving up.
  const CHUNK = 60;
  for (let attempt = 0; attempt < 3; attempt++) {
    const pending = inputs.filter((input) => !existsSync(outputOf(input)));
    if (pending.length === 0) break;
    for (let from = 0; from < pending.length; from += CHUNK) convertChunk(pending.slice(from, from + CHUNK), conversion, outDir);
  }
  const outputs = inputs.map(outputOf);
  const missing = outputs.filter((output) => !existsSync(output));
  if (missing.length) throw new Error(`LibreOffice produced no output for ${missing.length} of ${inputs.length} files: ${missing.slice(0, 5).map((file) => basename(file)).join(', ')}${missing.length > 5 ? ' …' : ''}`);
  return outputs;
}

function convertChunk(inputs: readonly string[], conversion: Conversion, outDir: string): void {
  const { dir } = takeProfile();
  const args = [`-env:UserInstallation=${pathToFileURL(dir).href}`, '--headless', '--norestore', '--nolockcheck'];
  if (conversion === 'html-to-docx') {
    // Without it soffice opens HTML in Writer/Web, which ignores @page margins and shrinks tables to their text.
    args.push('--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML');
  } else {
    args.push('--convert-to', 'pdf:writer_pdf_Export');
  }
  args.push('--outdir', outDir, ...inputs);
  const timeoutMs = Math.max(5 * 60_000, inputs.length * 30_000);
  // A fixed time zone keeps LibreOffice from writing the machine's into dates it derives.
  try {
    run('soffice', args, { env: { ...process.env, TZ: 'UTC' }, timeoutMs });
  } catch {
    // What it did convert stays; the caller retries the rest.
  }
}

/** A scratch directory under /tmp for one rendering run. */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
