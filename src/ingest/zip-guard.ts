/**
 * Checks a DOCX's zip container against the limits before JSZip or mammoth inflates anything.
 *
 * The central directory states each part's uncompressed size, so an honest zip bomb is refused from
 * a few dozen bytes per entry. A dishonest one lies in its directory; the parts mammoth will read
 * (every part but the pictures, which this adapter never decodes) are therefore also inflated here
 * with a hard output cap, which costs one extra inflate of the XML and stops at the cap, and their
 * XML nesting is measured, because mammoth walks the XML recursively and a million nested elements
 * would overflow the stack.
 */
import { createInflateRaw } from 'node:zlib';
import type { IngestError } from '../model/errors.ts';
import { MAX_XML_DEPTH, MAX_ZIP_ENTRIES, tooManyZipEntries, unzipsTooLarge, xmlTooDeep, type IngestLimits } from './limits.ts';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_EOCD_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const DEFLATE = 8;
const STORED = 0;

/** Parts that mammoth never inflates because the image converter does not read them. */
const PICTURE_PART = /^word\/media\/|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)$/i;
const XML_PART = /\.(xml|rels)$/i;

/**
 * Returns the error for the first limit the container exceeds, or undefined when it is within all
 * of them or is not a zip this code understands (JSZip then gives its own verdict).
 */
export async function checkZipLimits(bytes: Uint8Array, limits: IngestLimits, found: { utf16Parts: string[] } = { utf16Parts: [] }): Promise<IngestError | undefined> {
  const entries = readCentralDirectory(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!entries) return undefined;
  if (entries.length > MAX_ZIP_ENTRIES) return tooManyZipEntries(entries.length);
  const budget = limits.maxUnzippedMb * 1024 * 1024;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Sizes the local headers contradict are damage, not a bomb: JSZip will call the file corrupt,
  // and the capped inflation below still stops a bomb that disguises itself this way.
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > budget && entries.every((entry) => localHeaderAgrees(buffer, entry))) return unzipsTooLarge(declared, limits);

  let inflated = entries.filter((entry) => PICTURE_PART.test(entry.name)).reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  for (const entry of entries) {
    if (PICTURE_PART.test(entry.name) || entry.name.endsWith('/')) continue;
    const data = compressedData(buffer, entry);
    if (!data) continue;
    if (entry.method !== STORED && entry.method !== DEFLATE) continue;
    // Inflated a chunk at a time and measured as it comes: a bomb costs the guard a chunk of memory, not the
    // limit's worth (a 300 MB buffer beside a worker already near its limit).
    const xml = XML_PART.test(entry.name) ? new XmlDepthScan(MAX_XML_DEPTH) : undefined;
    let size = 0;
    let over = false;
    const consume = (chunk: Buffer): boolean => {
      size += chunk.byteLength;
      if (inflated + size > budget) return (over = true);
      if (xml && xml.push(chunk)) return true;
      return false;
    };
    if (entry.method === STORED) consume(data);
    else if (!(await inflateInChunks(data, consume))) continue; // a broken stream is JSZip's to report
    if (over) return entry.method === DEFLATE ? unzipsTooLarge(budget + 1, limits, true) : unzipsTooLarge(inflated + size, limits);
    inflated += size;
    if (xml?.utf16) found.utf16Parts.push(entry.name);
    if (xml?.tooDeep) return xmlTooDeep(entry.name, MAX_XML_DEPTH);
  }
  return undefined;
}

/** Inflates `data`, handing each chunk to `consume` until it returns true (stop); false when the stream is broken. */
function inflateInChunks(data: Buffer, consume: (chunk: Buffer) => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let stopped = false;
    inflater.on('data', (chunk: Buffer) => {
      if (stopped) return;
      if (consume(chunk)) {
        stopped = true;
        inflater.destroy();
        resolve(true);
      }
    });
    inflater.on('error', () => {
      if (!stopped) resolve(false);
      stopped = true;
    });
    inflater.on('end', () => {
      if (!stopped) resolve(true);
      stopped = true;
    });
    inflater.end(data);
  });
}

/**
 * Element nesting of XML fed a chunk at a time, by the rules of xmlDepthExceeds; a UTF-16 part (byte-order
 * mark, or "<?" as UTF-16) is measured as text.
 */
class XmlDepthScan {
  tooDeep = false;
  utf16: 'utf16le' | 'utf16be' | undefined;
  private decoder?: TextDecoder;
  private started = false;
  private head = Buffer.alloc(0);
  private depth = 0;
  private state: 'text' | 'lt' | 'tag' = 'text';
  private kind: 'open' | 'close' | 'other' = 'other';
  private previous = 0;

  constructor(private readonly maxDepth: number) {}

  /** True once the nesting passes the limit. */
  push(chunk: Buffer): boolean {
    if (!this.started) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 4) return false;
      this.started = true;
      this.utf16 = utf16Encoding(this.head);
      if (this.utf16) this.decoder = new TextDecoder(this.utf16 === 'utf16le' ? 'utf-16le' : 'utf-16be');
      chunk = this.head;
    }
    const bytes = this.decoder ? Buffer.from(this.decoder.decode(chunk, { stream: true }), 'utf8') : chunk;
    for (const byte of bytes) {
      if (this.state === 'text') {
        if (byte === 0x3c) this.state = 'lt';
      } else if (this.state === 'lt') {
        this.kind = byte === 0x2f ? 'close' : byte === 0x3f || byte === 0x21 ? 'other' : 'open';
        this.state = 'tag';
        this.previous = byte;
        if (byte === 0x3e) this.state = 'text';
      } else if (byte === 0x3e) {
        if (this.kind === 'close') this.depth--;
        else if (this.kind === 'open' && this.previous !== 0x2f && ++this.depth > this.maxDepth) return (this.tooDeep = true);
        this.state = 'text';
      } else {
        this.previous = byte;
      }
    }
    return false;
  }
}

function readCentralDirectory(buffer: Buffer): ZipEntry[] | undefined {
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd === undefined) return undefined;
  let count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && buffer.readUInt32LE(locator) === ZIP64_EOCD_LOCATOR_SIGNATURE) {
    const zip64Eocd = Number(buffer.readBigUInt64LE(locator + 8));
    if (zip64Eocd + 56 > buffer.length) return undefined;
    count = Number(buffer.readBigUInt64LE(zip64Eocd + 32));
    offset = Number(buffer.readBigUInt64LE(zip64Eocd + 48));
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) break;
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: buffer.toString('utf8', at + 46, Math.min(buffer.length, at + 46 + nameLength)),
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    };
    applyZip64Extra(buffer.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  // A directory claiming more entries than it holds is still counted at its claim: that is what JSZip would try to list.
  if (count > entries.length && count > MAX_ZIP_ENTRIES) {
    return [...entries, ...Array.from({ length: MAX_ZIP_ENTRIES + 1 - entries.length }, () => emptyEntry())];
  }
  return entries;
}

function emptyEntry(): ZipEntry {
  return { name: '', method: STORED, compressedSize: 0, uncompressedSize: 0, localHeaderOffset: 0 };
}

function findEndOfCentralDirectory(buffer: Buffer): number | undefined {
  // The record is 22 bytes plus a comment of at most 65 535.
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return undefined;
}

function applyZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = (): number | undefined => {
        if (field + 8 > at + 4 + size || field + 8 > extra.length) return undefined;
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next() ?? entry.uncompressedSize;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? entry.localHeaderOffset;
      return;
    }
    at += 4 + size;
  }
}

function localHeaderAgrees(buffer: Buffer, entry: ZipEntry): boolean {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) return false;
  // Bit 3: the sizes follow the data in a descriptor and the header holds zeros.
  if ((buffer.readUInt16LE(at + 6) & 0x0008) !== 0) return true;
  const local = buffer.readUInt32LE(at + 22);
  return local === entry.uncompressedSize || local === 0xffffffff;
}

function compressedData(buffer: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) return undefined;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  if (start > buffer.length) return undefined;
  return buffer.subarray(start, Math.min(buffer.length, start + entry.compressedSize));
}

/**
 * Element nesting by a byte scan (no parser, no recursion): `<x>` opens, `</x>` closes, `<x/>`,
 * `<?…?>` and `<!…>` do neither. A `>` inside an attribute value can only make it miscount a
 * self-closing tag, never loop or throw.
 */
export function xmlDepthExceeds(xml: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let at = xml.indexOf(0x3c);
  while (at !== -1 && at < xml.length - 1) {
    const next = xml[at + 1];
    const close = xml.indexOf(0x3e, at + 1);
    if (close === -1) break;
    if (next === 0x2f) depth--;
    else if (next !== 0x3f && next !== 0x21 && xml[close - 1] !== 0x2f) {
      depth++;
      if (depth > maxDepth) return true;
    }
    at = xml.indexOf(0x3c, close + 1);
  }
  return false;
}

/**
 * UTF-16 XML as the XML spec lets it be recognised: a byte-order mark, or "<?" as two UTF-16 code units.
 */
export function utf16Encoding(xml: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  if (xml.length < 4) return undefined;
  if ((xml[0] === 0xff && xml[1] === 0xfe) || (xml[0] === 0x3c && xml[1] === 0x00 && xml[2] === 0x3f && xml[3] === 0x00)) return 'utf16le';
  if ((xml[0] === 0xfe && xml[1] === 0xff) || (xml[0] === 0x00 && xml[1] === 0x3c && xml[2] === 0x00 && xml[3] === 0x3f)) return 'utf16be';
  return undefined;
}

/** The text of a UTF-16 XML part, without its byte-order mark and with its declaration saying UTF-8, as it is once re-encoded. */
export function decodeUtf16(xml: Uint8Array, encoding: 'utf16le' | 'utf16be'): string {
  const text = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be').decode(xml);
  return text.replace(/^\uFEFF/u, '').replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])utf-?16(?:le|be)?(["'])/iu, '$1UTF-8$2');
}
