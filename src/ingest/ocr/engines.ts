/**
 * The two ways to run Tesseract with Vietnamese, both returning hOCR for one grey page image:
 *
 * - embedded (the default that always works): tesseract.js's WebAssembly build with the
 *   `@tesseract.js-data/vie` model that npm installed, every path local, nothing downloaded;
 * - native: Debian's `tesseract` CLI, about twice as fast, used when found on PATH (or when asked
 *   for). It is given the same npm-shipped model as the embedded engine, not Debian's smaller "fast"
 *   one, so both read alike (the fast model lost a tenth of the figures on the fixture scan).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Tesseract from 'tesseract.js';

const require = createRequire(import.meta.url);

export type OcrEngineChoice = 'auto' | 'embedded' | 'native';

/** A page image: one byte per pixel, 0 = black, row after row. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export interface OcrEngine {
  /** Names the engine and its version, so cached results from another engine are not reused. */
  readonly id: string;
  readonly kind: 'embedded' | 'native';
  recognize(image: GreyImage, dpi: number, timeoutMs: number): Promise<string>;
}

export class OcrEngineError extends Error {
  override readonly name = 'OcrEngineError';
  constructor(
    message: string,
    /** The page was abandoned at its time limit, not refused by the engine. */
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/** Binary PGM: the one image format both engines read without a codec. */
export function toPgm(image: GreyImage): Uint8Array {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'ascii');
  const pgm = new Uint8Array(header.length + image.pixels.length);
  pgm.set(header, 0);
  pgm.set(image.pixels, header.length);
  return pgm;
}

// ---------------------------------------------------------------------------------------------
// Embedded: tesseract.js

const tesseractVersion: string = (require('tesseract.js/package.json') as { version: string }).version;
const vieDataRoot = dirname(require.resolve('@tesseract.js-data/vie/package.json'));
const vieDataVersion: string = (require('@tesseract.js-data/vie/package.json') as { version: string }).version;

/**
 * The LSTM-only "best, integerised" model: the one tesseract.js itself picks for its LSTM-only core,
 * a third of the size of the combined model and as accurate on these reports.
 */
export const EMBEDDED_LANGUAGE_FOLDER = join(vieDataRoot, '4.0.0_best_int');

/**
 * Every path tesseract.js could fetch from is a local file: the worker script and the WebAssembly
 * core come from node_modules, the model from the folder above (gzip-compressed, as npm ships it),
 * and nothing is cached to disk. With `langPath` unset, tesseract.js would download the model from a
 * CDN; with it set to a folder, it reads the file and never calls fetch.
 */
export function embeddedWorkerOptions(): Partial<Tesseract.WorkerOptions> {
  return {
    langPath: EMBEDDED_LANGUAGE_FOLDER,
    gzip: true,
    cacheMethod: 'none',
    workerBlobURL: false,
    workerPath: require.resolve('tesseract.js/src/worker-script/node/index.js'),
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    logger: () => {},
    // Without a handler, tesseract.js rethrows a worker-side failure from its message listener, which
    // would crash the whole thread instead of failing the page.
    errorHandler: () => {},
  };
}

interface NodeWorkerHandle {
  ref(): void;
  unref(): void;
}

class EmbeddedEngine implements OcrEngine {
  readonly id = `tesseract.js-${tesseractVersion}+vie-${vieDataVersion}-best_int`;
  readonly kind = 'embedded' as const;
  private worker: Promise<Tesseract.Worker> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Creating a worker (loading the core and the model) costs about half a second, so one is kept per
   * thread for the whole batch. It is unreferenced while idle so that it never keeps a process alive;
   * `terminate` ends it, and a terminated solieu worker thread takes it down with it.
   */
  private start(): Promise<Tesseract.Worker> {
    this.worker ??= Tesseract.createWorker('vie', Tesseract.OEM.LSTM_ONLY, embeddedWorkerOptions()).then((worker) => {
      this.handle(worker)?.unref();
      return worker;
    });
    return this.worker;
  }

  private handle(worker: Tesseract.Worker): NodeWorkerHandle | undefined {
    const inner: unknown = (worker as unknown as { worker?: unknown }).worker;
    return inner && typeof inner === 'object' && 'unref' in inner && 'ref' in inner ? (inner as NodeWorkerHandle) : undefined;
  }

  recognize(image: GreyImage, dpi: number, timeoutMs: number): Promise<string> {
    // One page at a time per worker: tesseract.js would queue anyway, and the time limit is per page.
    const run = this.queue.then(() => this.recognizeNow(image, dpi, timeoutMs));
    this.queue = run.catch(() => {});
    return run;
  }

  private async recognizeNow(image: GreyImage, dpi: number, timeoutMs: number): Promise<string> {
    const worker = await this.start();
    const handle = this.handle(worker);
    handle?.ref();
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = (async () => {
        // debug_file: Tesseract's progress chatter ("Detected 706 diacritics") goes nowhere instead of the console.
        await worker.setParameters({ user_defined_dpi: String(Math.round(dpi)), tessedit_pageseg_mode: Tesseract.PSM.AUTO, debug_file: '/dev/null' });
        const result = await worker.recognize(Buffer.from(toPgm(image)), {}, { text: false, hocr: true });
        return result.data.hocr ?? '';
      })();
      // After a time-out the worker is terminated and this never settles; if it fails late, nobody listens.
      work.catch(() => {});
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new OcrEngineError(`OCR of one page took longer than ${timeoutMs} ms`, true)), timeoutMs);
      });
      return await Promise.race([work, expired]);
    } catch (error) {
      // A worker that failed or overran may be stuck mid-page: start a fresh one for the next page.
      await this.terminate();
      throw error instanceof OcrEngineError ? error : new OcrEngineError(`tesseract.js: ${String(error)}`);
    } finally {
      clearTimeout(timer);
      if (this.worker) handle?.unref();
    }
  }

  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.then((w) => w.terminate()).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Native: the tesseract CLI

interface NativeInstall {
  version: string;
}

let nativeInstall: NativeInstall | null | undefined;

/**
 * `tesseract` on PATH, or null. Probed once per process. Debian's Vietnamese package is not needed:
 * the CLI is given the npm-shipped model.
 */
export function findNativeTesseract(): NativeInstall | null {
  if (nativeInstall !== undefined) return nativeInstall;
  const probe = spawnSync('tesseract', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const match = probe.error || probe.status !== 0 ? null : /tesseract\s+v?(\d[\w.-]*)/i.exec(`${probe.stdout}${probe.stderr}`);
  nativeInstall = match ? { version: match[1]! } : null;
  return nativeInstall;
}

/**
 * The npm model unpacked once per machine for the CLI, which cannot read gzip: a folder under the OS
 * temp directory named after the package version, written through a rename so that two threads
 * unpacking at once never leave a half-written file.
 */
function unpackedModelFolder(): string {
  const folder = join(tmpdir(), `solieu-tessdata-vie-${vieDataVersion}-best_int`);
  const target = join(folder, 'vie.traineddata');
  if (!existsSync(target)) {
    mkdirSync(folder, { recursive: true });
    const partial = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
    writeFileSync(partial, gunzipSync(readFileSync(join(EMBEDDED_LANGUAGE_FOLDER, 'vie.traineddata.gz'))));
    renameSync(partial, target);
  }
  return folder;
}

class NativeEngine implements OcrEngine {
  readonly id: string;
  readonly kind = 'native' as const;
  private modelFolder: string | undefined;

  constructor(install: NativeInstall) {
    this.id = `tesseract-${install.version}+vie-${vieDataVersion}-best_int`;
  }

  recognize(image: GreyImage, dpi: number, timeoutMs: number): Promise<string> {
    let modelFolder: string;
    try {
      modelFolder = this.modelFolder ??= unpackedModelFolder();
    } catch (error) {
      return Promise.reject(new OcrEngineError(`cannot unpack the Vietnamese model: ${String(error)}`));
    }
    // The `hocr` config file lives in Debian's tessdata folder, not in ours: ask for the renderer directly.
    const args = ['stdin', 'stdout', '--tessdata-dir', modelFolder, '-l', 'vie', '--psm', '3', '--dpi', String(Math.round(dpi))];
    args.push('-c', 'tessedit_create_hocr=1', '-c', 'tessedit_create_txt=0');
    return new Promise<string>((resolve, reject) => {
      const child = spawn('tesseract', args, {
        // The pool already runs one file per core; OpenMP threads on top of that only fight for them.
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error) => reject(new OcrEngineError(`tesseract: ${error.message}`)));
      child.on('close', (code, signal) => {
        if (code === 0) resolve(Buffer.concat(stdout).toString('utf8'));
        else {
          const timedOut = signal === 'SIGKILL';
          const reason = timedOut ? `took longer than ${timeoutMs} ms` : `exited with ${code ?? signal}`;
          reject(new OcrEngineError(`tesseract ${reason}: ${Buffer.concat(stderr).toString('utf8').trim().slice(0, 300)}`, timedOut));
        }
      });
      // EPIPE when tesseract dies before reading its input is reported by 'close'.
      child.stdin.on('error', () => {});
      child.stdin.end(toPgm(image));
    });
  }

  async terminate(): Promise<void> {}
}

// ---------------------------------------------------------------------------------------------

const engines = new Map<OcrEngineChoice, EmbeddedEngine | NativeEngine>();

/**
 * The engine for a choice: `embedded` always exists; `native` needs the CLI and its Vietnamese model;
 * `auto` takes the native one when it is installed (same Tesseract, faster) and the embedded one
 * otherwise. Engines are kept for the life of the thread.
 */
export function ocrEngine(choice: OcrEngineChoice): OcrEngine {
  const existing = engines.get(choice);
  if (existing) return existing;
  let engine: EmbeddedEngine | NativeEngine;
  if (choice === 'embedded') engine = new EmbeddedEngine();
  else {
    const native = findNativeTesseract();
    if (native) engine = new NativeEngine(native);
    else if (choice === 'native') throw new OcrEngineError('the tesseract CLI (Debian package tesseract-ocr) is not installed');
    else engine = (engines.get('embedded') as EmbeddedEngine | undefined) ?? new EmbeddedEngine();
  }
  engines.set(choice, engine);
  if (engine.kind === 'embedded') engines.set('embedded', engine);
  return engine;
}

/** Ends every engine this thread started (the tesseract.js worker thread); the next page starts afresh. */
export async function shutdownOcrEngines(): Promise<void> {
  const all = new Set(engines.values());
  engines.clear();
  await Promise.all([...all].map((engine) => engine.terminate()));
}
