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
import { inflateRawSync } from 'node:zlib';
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
export function checkZipLimits(bytes: Uint8Array, limits: IngestLimits, found: { utf16Parts: string[] } = { utf16Parts: [] }): IngestError | undefined {
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
    let content: Buffer;
    if (entry.method === STORED) content = data;
    else if (entry.method === DEFLATE) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget - inflated + 1) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return unzipsTooLarge(budget + 1, limits, true);
        continue; // a broken stream is JSZip's to report
      }
    } else continue;
    inflated += content.byteLength;
    if (inflated > budget) return unzipsTooLarge(inflated, limits);
    if (!XML_PART.test(entry.name)) continue;
    // XML may be UTF-16 (Word never writes it, other tools may): measured as text, not as bytes.
    const utf16 = utf16Encoding(content);
    if (utf16) found.utf16Parts.push(entry.name);
    if (xmlDepthExceeds(utf16 ? Buffer.from(decodeUtf16(content, utf16), 'utf8') : content, MAX_XML_DEPTH)) return xmlTooDeep(entry.name, MAX_XML_DEPTH);
  }
  return undefined;
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
