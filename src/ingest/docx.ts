import { posix } from 'node:path';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
// jszip is mammoth's own zip reader; using the same copy means a file we accept is one mammoth can open.
import JSZip from 'jszip';
import mammoth from './docx/mammoth.ts';
import type {
  Block,
  FontSpan,
  IngestNote,
  SourceDocument,
  TableBlock,
  TableCell,
  TableRow,
} from '../model/document.ts';
import { IngestError } from '../model/errors.ts';
import { resolveLimits, type IngestLimits } from './limits.ts';
import { checkZipLimits, decodeUtf16, utf16Encoding } from './zip-guard.ts';

export interface DocxFileInfo {
  path: string;
  sha256: string;
  bytes: number;
}

const MESSAGE_CORRUPT = 'Tệp DOCX bị hỏng hoặc không đọc được; hãy mở bằng Word, lưu lại (Lưu thành .docx) và gửi lại.';
const MESSAGE_ENCRYPTED =
  'Tệp Word được đặt mật khẩu (mã hóa) nên không đọc được; hãy mở bằng Word, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại và gửi lại.';
const MESSAGE_WORD97 =
  'Tệp là văn bản Word cũ (.doc, Word 97–2003) chỉ được đổi đuôi thành .docx; hãy mở bằng Word, chọn Lưu thành (Save As) dạng .docx rồi gửi lại.';
const MESSAGE_OTHER_OLE =
  'Tệp không phải văn bản Word (DOCX) mà là một tệp Office cũ khác; hãy gửi đúng tệp báo cáo dạng .docx hoặc PDF.';
const MESSAGE_RTF = 'Tệp là định dạng RTF chứ không phải DOCX; hãy mở bằng Word, lưu thành .docx rồi gửi lại.';
const MESSAGE_ZERO_BYTES = 'Tệp rỗng (0 byte); hãy gửi lại tệp báo cáo có nội dung.';

/**
 * The id prefix mammoth gives footnote anchors, so that note items and reference links can be told
 * apart from the document's own lists and links.
 */
const ID_PREFIX = 'solieu-';
const NOTE_ITEM_ID = new RegExp(`^${ID_PREFIX}(?:footnote|endnote)-\\d`);
const NOTE_REFERENCE_ID = new RegExp(`^#?${ID_PREFIX}(?:footnote|endnote)-ref-`);

/** mammoth's default style map stops at list level 5; Word allows 9. */
const DEEP_LIST_STYLE_MAP = [6, 7, 8, 9].flatMap((level) =>
  (['ordered', 'unordered'] as const).map(
    (kind) => `p:${kind}-list(${level}) => ${'ul|ol > li > '.repeat(level - 1)}${kind === 'ordered' ? 'ol' : 'ul'} > li:fresh`,
  ),
);

/**
 * Fonts travel from mammoth's document model to its HTML as private-use characters in plane 16,
 * which no Vietnamese text uses: one code point per font opens a run, one closes it. Plane 16 rather
 * than the BMP private-use area because Symbol/Wingdings text does occur there (U+F0xx).
 */
const FONT_MARKER_BASE = 0x100000;
const FONT_MARKER_END = 0x10fffd;
const MAX_FONTS = FONT_MARKER_END - FONT_MARKER_BASE;
const FONT_MARKER_PATTERN = /[\u{100000}-\u{10FFFF}]/gu;
const HAS_FONT_MARKER_RANGE = /[\u{100000}-\u{10FFFF}]/u;

/**
 * Reads a DOCX into blocks in document order: headings, paragraphs, list items (with their nesting
 * level) and tables (with merged cells), each with its paragraph index as `line`, and the font of
 * every stretch of text so that legacy TCVN3/VNI text can be recognised by its font.
 *
 * Page headers and footers are not part of the text (mammoth does not read them), comments are
 * dropped, images are skipped (counted in a note), footnotes and endnotes are kept as paragraphs at
 * the end and their "[1]" reference marks are removed from the body text so that they do not stick
 * to figures.
 *
 * Throws only IngestError: 'failed' for a file that is not a readable Word document, 'empty' for one
 * without any text.
 */
export interface DocxReadOptions {
  /** Only `maxUnzippedMb` applies here; DEFAULT_LIMITS when absent. */
  limits?: Partial<IngestLimits>;
}

export async function readDocx(bytes: Uint8Array, info: DocxFileInfo, options: DocxReadOptions = {}): Promise<SourceDocument> {
  try {
    return await readDocxUnguarded(bytes, info, resolveLimits(options.limits));
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('failed', MESSAGE_CORRUPT, errorDetail(error));
  }
}

async function readDocxUnguarded(bytes: Uint8Array, info: DocxFileInfo, limits: IngestLimits): Promise<SourceDocument> {
  const { zip, bytes: readable } = await openContainer(bytes, limits);
  bytes = readable;
  const mainPath = await findMainDocumentPath(zip, info.path);
  const notes: IngestNote[] = [];

  let fonts: FontResolver;
  try {
    fonts = await readFontResolver(zip, mainPath);
  } catch (error) {
    fonts = FontResolver.withoutStyles();
    notes.push({
      code: 'docx-styles-unreadable',
      message: `Không đọc được bảng kiểu (styles) của tệp; phông chữ kế thừa từ kiểu không được ghi nhận (${errorDetail(error)}).`,
    });
  }

  const fontMarking: FontMarking = { fontNames: [], inserted: false, failed: false };
  const headerRowFlags = await readExplicitHeaderRowFlags(zip, mainPath);
  let headerRowsCorrected = headerRowFlags === undefined;
  let imageCount = 0;
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      idPrefix: ID_PREFIX,
      ignoreEmptyParagraphs: true,
      // An empty src instead of mammoth's default data URI: the picture is never looked at, so never encoded.
      convertImage: mammoth.images.imgElement(async () => {
        imageCount++;
        return { src: '' };
      }),
      styleMap: DEEP_LIST_STYLE_MAP,
      // A style map embedded in the file could rename what this adapter relies on (h1–h6, ul/ol, table).
      includeEmbeddedStyleMap: false,
      transformDocument: (document: MammothElement) => {
        if (headerRowFlags) headerRowsCorrected = correctHeaderRows(document, headerRowFlags);
        try {
          markRunFonts(document, fonts, fontMarking);
        } catch {
          // A document model this code does not expect costs the fonts, never the text.
          fontMarking.failed = true;
        }
        return document;
      },
    },
  );

  if (!headerRowsCorrected) {
    notes.push({
      code: 'docx-table-headers-uncertain',
      message: 'Không xác định chắc chắn dòng tiêu đề của các bảng trong tệp; có thể có dòng số liệu bị coi là dòng tiêu đề.',
    });
  }
  if (fontMarking.failed) {
    notes.push({
      code: 'docx-fonts-unavailable',
      message: 'Không ghi nhận được phông chữ của từng đoạn chữ trong tệp; chữ vẫn được đọc đầy đủ.',
    });
  }
  const seenMessages = new Set<string>();
  for (const message of result.messages) {
    const text = message.type === 'error' ? `error: ${message.message}` : message.message;
    if (seenMessages.has(text)) continue;
    seenMessages.add(text);
    notes.push({ code: 'mammoth-warning', message: text });
  }

  const collector = new BlockCollector(fontMarking.inserted ? fontMarking.fontNames : undefined);
  collector.walkBlocks(parseDocument(result.value, { decodeEntities: true }).children);
  const blocks = collector.blocks;

  if (blocks.length === 0) {
    throw new IngestError(
      'empty',
      imageCount > 0
        ? `Tệp DOCX chỉ có hình ảnh (${imageCount} ảnh), không có chữ để đọc — có thể là văn bản chụp/quét rồi dán vào Word; hãy gửi bản Word có chữ, hoặc bản PDF để nhận dạng chữ (OCR).`
        : 'Tệp DOCX không có chữ nào để đọc; hãy kiểm tra lại tệp và gửi bản báo cáo có nội dung.',
    );
  }
  if (imageCount > 0) {
    notes.push({
      code: 'docx-images-skipped',
      message: `Bỏ qua ${imageCount} hình ảnh trong tệp; chữ và số liệu nằm trong ảnh không được đọc.`,
    });
  }

  return {
    source: { path: info.path, format: 'docx', sha256: info.sha256, bytes: info.bytes },
    blocks,
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// The container: what the bytes are, and where the Word document is inside them.

async function openContainer(bytes: Uint8Array, limits: IngestLimits): Promise<{ zip: JSZip; bytes: Uint8Array }> {
  if (bytes.byteLength === 0) throw new IngestError('empty', MESSAGE_ZERO_BYTES);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw describeOleFile(bytes);
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new IngestError('failed', MESSAGE_RTF, 'RTF file');
  if (!startsWith(bytes, [0x50, 0x4b])) throw new IngestError('failed', MESSAGE_CORRUPT, 'not a zip archive');
  const found = { utf16Parts: [] as string[] };
  const overLimit = await checkZipLimits(bytes, limits, found);
  if (overLimit) throw overLimit;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new IngestError('failed', MESSAGE_CORRUPT, errorDetail(error));
  }
  if (found.utf16Parts.length === 0) return { zip, bytes };
  // The OOXML standard allows UTF-16 parts; mammoth and JSZip read parts as UTF-8. Those parts are re-encoded
  // and the package rebuilt in memory (rare, so the cost of a second zip is paid only then).
  for (const name of found.utf16Parts) {
    const part = zip.file(name);
    if (!part) continue;
    const content = await part.async('uint8array');
    const encoding = utf16Encoding(content);
    if (encoding) zip.file(name, decodeUtf16(content, encoding));
  }
  const rebuilt = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { zip: await JSZip.loadAsync(rebuilt), bytes: rebuilt };
}

/**
 * An OLE compound file is either a password-protected DOCX (Word wraps the encrypted package in one)
 * or a Word 97–2003 document; the stream names in its directory, stored as UTF-16LE, tell which.
 */
function describeOleFile(bytes: Uint8Array): IngestError {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hasStream = (name: string) => buffer.includes(Buffer.from(name, 'utf16le'));
  if (hasStream('EncryptedPackage') || hasStream('EncryptionInfo')) {
    return new IngestError('failed', MESSAGE_ENCRYPTED, 'encrypted OOXML package (OLE compound file)');
  }
  if (hasStream('WordDocument')) return new IngestError('failed', MESSAGE_WORD97, 'Word 97-2003 document (OLE compound file)');
  return new IngestError('failed', MESSAGE_OTHER_OLE, 'OLE compound file without a Word stream');
}

const OTHER_OFFICE_CONTENT_TYPE = /spreadsheetml|presentationml|ms-excel|ms-powerpoint/;

/**
 * Finds the main document part as mammoth does (package relationship, else word/document.xml), but
 * refuses an Excel or PowerPoint main part, which mammoth would read as an empty document.
 */
async function findMainDocumentPath(zip: JSZip, filePath: string): Promise<string> {
  const related = (await readRelationships(zip, '_rels/.rels', '')).find((r) => r.type.endsWith('/officeDocument'));
  if (related && zip.file(related.target)) {
    const contentType = await partContentType(zip, related.target);
    const isOtherOffice = /^(xl|ppt)\//.test(related.target) || (contentType !== undefined && OTHER_OFFICE_CONTENT_TYPE.test(contentType));
    if (!isOtherOffice) return related.target;
  }
  if (zip.file('word/document.xml')) return 'word/document.xml';
  throw new IngestError('failed', notWordMessage(await describeZip(zip), filePath), 'zip without a Word main document part');
}

function notWordMessage(what: string | undefined, filePath: string): string {
  const opening = filePath.toLowerCase().endsWith('.docx') ? 'Tệp có đuôi .docx nhưng không phải văn bản Word' : 'Tệp không phải văn bản Word (DOCX)';
  return `${opening}${what ? ` (${what})` : ''}; hãy gửi đúng tệp báo cáo dạng .docx hoặc PDF.`;
}

async function describeZip(zip: JSZip): Promise<string | undefined> {
  const names = Object.keys(zip.files);
  if (names.some((name) => name.startsWith('xl/'))) return 'là bảng tính Excel';
  if (names.some((name) => name.startsWith('ppt/'))) return 'là bản trình chiếu PowerPoint';
  const mimetype = zip.file('mimetype');
  if (mimetype) {
    const kind = await mimetype.async('string');
    if (kind.includes('opendocument.text')) return 'là văn bản OpenDocument .odt';
    if (kind.includes('opendocument')) return 'là tệp OpenDocument';
  }
  return 'là một tệp nén ZIP';
}

async function partContentType(zip: JSZip, partPath: string): Promise<string | undefined> {
  const xml = await zip.file('[Content_Types].xml')?.async('string');
  if (!xml) return undefined;
  for (const element of descendants(parseXml(xml), 'Override')) {
    if (normalisePartPath('', attribute(element, 'PartName') ?? '') === partPath) return attribute(element, 'ContentType');
  }
  return undefined;
}

interface Relationship {
  type: string;
  target: string;
}

async function readRelationships(zip: JSZip, relsPath: string, baseDirectory: string): Promise<Relationship[]> {
  const xml = await zip.file(relsPath)?.async('string');
  if (!xml) return [];
  return descendants(parseXml(xml), 'Relationship')
    .filter((element) => attribute(element, 'TargetMode') !== 'External')
    .map((element) => ({
      type: attribute(element, 'Type') ?? '',
      target: normalisePartPath(baseDirectory, attribute(element, 'Target') ?? ''),
    }));
}

function normalisePartPath(baseDirectory: string, target: string): string {
  const joined = target.startsWith('/') ? target : posix.join(baseDirectory, target);
  return posix.normalize(joined).replace(/^\/+/, '');
}

// ---------------------------------------------------------------------------------------------
// Fonts: which font each run is really shown in.

/** A font named by a style: a name, or `null` where it is a theme font the theme does not name. */
type FontChoice = string | null;

interface StyleEntry {
  basedOn: string | undefined;
  font: FontChoice | undefined;
}

/**
 * Resolves a run's font the way Word does: direct formatting, then the character style, then the
 * paragraph style (each following its `basedOn` chain), then the document defaults. mammoth only
 * reports direct `w:rFonts/@w:ascii`, so styles and defaults are read from styles.xml here.
 */
class FontResolver {
  private readonly cache = new Map<string, string | undefined>();

  constructor(
    private readonly styles: ReadonlyMap<string, StyleEntry>,
    private readonly documentDefault: FontChoice | undefined,
    private readonly defaultParagraphStyle: string | undefined,
    private readonly defaultCharacterStyle: string | undefined,
  ) {}

  static withoutStyles(): FontResolver {
    return new FontResolver(new Map(), undefined, undefined, undefined);
  }

  fontOf(paragraphStyleId: string | null, runStyleId: string | null, directFont: string | null): string | undefined {
    if (directFont) return directFont;
    const key = `${paragraphStyleId ?? ''}\u0000${runStyleId ?? ''}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const choice =
      this.fromStyleChain(runStyleId ?? this.defaultCharacterStyle) ??
      this.fromStyleChain(paragraphStyleId ?? this.defaultParagraphStyle) ??
      this.documentDefault;
    const font = choice ?? undefined;
    this.cache.set(key, font);
    return font;
  }

  private fromStyleChain(styleId: string | undefined): FontChoice | undefined {
    const visited = new Set<string>();
    let current = styleId;
    while (current !== undefined && !visited.has(current)) {
      visited.add(current);
      const style = this.styles.get(current);
      if (!style) return undefined;
      if (style.font !== undefined) return style.font;
      current = style.basedOn;
    }
    return undefined;
  }
}

async function readFontResolver(zip: JSZip, mainPath: string): Promise<FontResolver> {
  const directory = posix.dirname(mainPath) === '.' ? '' : posix.dirname(mainPath);
  const relationships = await readRelationships(zip, posix.join(directory, '_rels', `${posix.basename(mainPath)}.rels`), directory);
  const partPath = (kind: string, fallback: string) =>
    relationships.find((r) => r.type.endsWith(`/${kind}`) && zip.file(r.target))?.target ?? fallback;

  const themeXml = await zip.file(partPath('theme', 'word/theme/theme1.xml'))?.async('string');
  const themeFonts = themeXml ? readThemeFonts(themeXml) : new Map<string, string>();
  const stylesXml = await zip.file(partPath('styles', 'word/styles.xml'))?.async('string');
  if (!stylesXml) return FontResolver.withoutStyles();

  const root = parseXml(stylesXml);
  const styles = new Map<string, StyleEntry>();
  let defaultParagraphStyle: string | undefined;
  let defaultCharacterStyle: string | undefined;
  for (const element of descendants(root, 'style')) {
    const styleId = attribute(element, 'styleId');
    const type = attribute(element, 'type') ?? 'paragraph';
    // Word keeps the first of several styles with one id (ECMA-376 17.7.4.17), as mammoth does.
    if (styleId === undefined || styles.has(styleId)) continue;
    const basedOn = child(element, 'basedOn');
    const runProperties = child(element, 'rPr');
    styles.set(styleId, {
      basedOn: basedOn ? attribute(basedOn, 'val') : undefined,
      font: runProperties ? fontOfRunProperties(runProperties, themeFonts) : undefined,
    });
    if (isOn(attribute(element, 'default'))) {
      if (type === 'paragraph' && defaultParagraphStyle === undefined) defaultParagraphStyle = styleId;
      if (type === 'character' && defaultCharacterStyle === undefined) defaultCharacterStyle = styleId;
    }
  }
  const defaultsRunProperties = descendants(root, 'rPrDefault').map((element) => child(element, 'rPr'))[0];
  const documentDefault = defaultsRunProperties ? fontOfRunProperties(defaultsRunProperties, themeFonts) : undefined;
  return new FontResolver(styles, documentDefault, defaultParagraphStyle, defaultCharacterStyle);
}

/**
 * The font of the ASCII slot, else of the high-ANSI slot (where TCVN3's letters 0xA0–0xFF are drawn
 * from); a theme reference outranks a name in the same slot, as the standard says.
 */
function fontOfRunProperties(runProperties: Element, themeFonts: ReadonlyMap<string, string>): FontChoice | undefined {
  const fontsElement = child(runProperties, 'rFonts');
  if (!fontsElement) return undefined;
  const slot = (name: 'ascii' | 'hAnsi'): FontChoice | undefined => {
    const theme = attribute(fontsElement, `${name}Theme`);
    if (theme) return themeFonts.get(theme.startsWith('major') ? 'major' : 'minor') ?? null;
    const font = attribute(fontsElement, name);
    return font ? font : undefined;
  };
  return slot('ascii') ?? slot('hAnsi');
}

function readThemeFonts(xml: string): Map<string, string> {
  const fonts = new Map<string, string>();
  const root = parseXml(xml);
  for (const [kind, elementName] of [['major', 'majorFont'], ['minor', 'minorFont']] as const) {
    const latin = descendants(root, elementName).map((element) => child(element, 'latin'))[0];
    const typeface = latin ? attribute(latin, 'typeface') : undefined;
    if (typeface) fonts.set(kind, typeface);
  }
  return fonts;
}

// ---------------------------------------------------------------------------------------------
// Table header rows.

const EXPLICIT_NOT_HEADER = /tblHeader\b[^>]*\bval="(?:0|false|off)"/;

/**
 * mammoth takes any <w:tblHeader> as "repeat as header row", even <w:tblHeader w:val="off"/>, which
 * some generators write on every body row; a whole table would then come out as header rows. Where the
 * file has such explicit "off" values, this reads every row's real flag, in the order mammoth meets the
 * rows (depth first, mc:Fallback rather than mc:Choice, deleted rows skipped).
 */
async function readExplicitHeaderRowFlags(zip: JSZip, mainPath: string): Promise<boolean[] | undefined> {
  const xml = await zip.file(mainPath)?.async('string');
  if (!xml || !EXPLICIT_NOT_HEADER.test(xml)) return undefined;
  const flags: boolean[] = [];
  const visit = (element: Element): void => {
    const name = localName(element.name);
    if (name === 'Choice' || name === 'del' || name === 'moveFrom') return;
    if (name === 'tr') {
      const properties = child(element, 'trPr');
      if (properties && child(properties, 'del')) return;
      const header = properties ? child(properties, 'tblHeader') : undefined;
      flags.push(header !== undefined && !isOff(attribute(header, 'val')));
    }
    for (const c of element.children) if (isTag(c)) visit(c);
  };
  parseXml(xml).forEach(visit);
  return flags;
}

/** Applies the real header flags when mammoth saw exactly the same rows; returns whether it could. */
function correctHeaderRows(document: MammothElement, flags: readonly boolean[]): boolean {
  const rows: MammothElement[] = [];
  const visit = (element: MammothElement): void => {
    if (element.type === 'tableRow') rows.push(element);
    for (const c of element.children ?? []) visit(c);
  };
  visit(document);
  if (rows.length !== flags.length) return false;
  rows.forEach((row, index) => {
    row.isHeader = flags[index];
  });
  return true;
}

// The parts of mammoth's document model this adapter touches (mammoth/lib/documents.js).
interface MammothElement {
  type: string;
  isHeader?: boolean;
  children?: MammothElement[];
  styleId?: string | null;
  font?: string | null;
  value?: string;
  notes?: { resolve(reference: MammothElement): { body?: MammothElement[] } | null };
}

interface FontMarking {
  /** Marker index → font name. */
  fontNames: string[];
  /** Set once markers are in the text: only then may the HTML's plane-16 characters be read as markers. */
  inserted: boolean;
  failed: boolean;
}

/**
 * Wraps the text of every run whose font is known in font markers. Leaves the document untouched,
 * and marks the attempt as failed, when the text already holds characters from the marker range.
 */
function markRunFonts(document: MammothElement, fonts: FontResolver, marking: FontMarking): void {
  const runs: { run: MammothElement; font: string }[] = [];
  let clash = false;
  const visitedNotes = new Set<object>();

  const visit = (element: MammothElement, paragraphStyleId: string | null): void => {
    if (element.type === 'text' && element.value && HAS_FONT_MARKER_RANGE.test(element.value)) clash = true;
    if (element.type === 'paragraph') paragraphStyleId = element.styleId ?? null;
    if (element.type === 'run') {
      const hasText = element.children?.some((c) => c.type === 'text' && c.value);
      const font = hasText ? fonts.fontOf(paragraphStyleId, element.styleId ?? null, element.font ?? null) : undefined;
      if (font) runs.push({ run: element, font });
    }
    if (element.type === 'noteReference' && document.notes) {
      const note = document.notes.resolve(element);
      if (note?.body && !visitedNotes.has(note)) {
        visitedNotes.add(note);
        for (const bodyElement of note.body) visit(bodyElement, null);
      }
    }
    for (const childElement of element.children ?? []) visit(childElement, paragraphStyleId);
  };
  visit(document, null);
  if (clash) {
    marking.failed = true;
    return;
  }

  const fontNames = marking.fontNames;
  const indexOfFont = new Map<string, number>();
  marking.inserted = true;
  for (const { run, font } of runs) {
    let index = indexOfFont.get(font);
    if (index === undefined) {
      if (fontNames.length >= MAX_FONTS) continue;
      index = fontNames.length;
      fontNames.push(font);
      indexOfFont.set(font, index);
    }
    run.children = [
      { type: 'text', value: String.fromCodePoint(FONT_MARKER_BASE + index) },
      ...(run.children ?? []),
      { type: 'text', value: String.fromCodePoint(FONT_MARKER_END) },
    ];
  }
}

// ---------------------------------------------------------------------------------------------
// From mammoth's HTML to blocks.

/** Text of one block or cell, with the font spans read from the markers inside it. */
class BlockTextBuilder {
  private text = '';
  private spans: FontSpan[] = [];
  private font: string | undefined;
  private pendingSeparator: string | undefined;

  /** `fontNames` is undefined when the text carries no font markers. */
  constructor(private readonly fontNames: readonly string[] | undefined) {}

  append(raw: string): void {
    if (!this.fontNames) {
      this.appendPlain(raw);
      return;
    }
    let last = 0;
    for (const match of raw.matchAll(FONT_MARKER_PATTERN)) {
      this.appendPlain(raw.slice(last, match.index));
      this.applyMarker(match[0]);
      last = match.index + match[0].length;
    }
    this.appendPlain(raw.slice(last));
  }

  /** For text that is dropped (a footnote's "[1]"): its markers still open and close fonts. */
  appendMarkersOnly(raw: string): void {
    if (!this.fontNames) return;
    for (const match of raw.matchAll(FONT_MARKER_PATTERN)) this.applyMarker(match[0]);
  }

  /** Paragraphs inside one cell are joined by a space (only if there is text on both sides). */
  separate(separator: string): void {
    if (this.text.length > 0 && this.pendingSeparator === undefined) this.pendingSeparator = separator;
  }

  finish(): { text: string; fontSpans: FontSpan[] | undefined } {
    // Only ASCII spaces and line ends are trimmed: NBSP and friends are left to the normalizer, U+00AD is a
    // letter in TCVN3, and a leading or trailing tab is an empty cell of a table typed with tabs.
    const start = this.text.length - this.text.replace(/^[ \r\n]+/, '').length;
    const end = this.text.replace(/[ \r\n]+$/, '').length;
    const text = start < end ? this.text.slice(start, end) : '';
    const fontSpans = this.spans
      .map((span) => ({ start: Math.max(span.start, start) - start, end: Math.min(span.end, end) - start, font: span.font }))
      .filter((span) => span.end > span.start);
    return { text, fontSpans: fontSpans.length > 0 ? fontSpans : undefined };
  }

  private applyMarker(marker: string): void {
    const codePoint = marker.codePointAt(0) ?? FONT_MARKER_END;
    this.font = codePoint === FONT_MARKER_END ? undefined : this.fontNames?.[codePoint - FONT_MARKER_BASE];
  }

  private appendPlain(plain: string): void {
    if (plain.length === 0) return;
    if (this.pendingSeparator !== undefined) {
      if (!/[ \t\r\n]$/.test(this.text) && !/^[ \t\r\n]/.test(plain)) this.text += this.pendingSeparator;
      this.pendingSeparator = undefined;
    }
    const start = this.text.length;
    this.text += plain;
    if (this.font === undefined) return;
    const previous = this.spans[this.spans.length - 1];
    if (previous && previous.end === start && previous.font === this.font) previous.end = this.text.length;
    else this.spans.push({ start, end: this.text.length, font: this.font });
  }
}

const HEADING_LEVEL: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCK_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'dl', 'dt', 'dd', 'div', 'blockquote', 'pre',
]);
const MAX_LIST_LEVEL = 9;

class BlockCollector {
  readonly blocks: Block[] = [];
  private line = 0;

  constructor(private readonly fontNames: readonly string[] | undefined) {}

  walkBlocks(nodes: readonly ChildNode[]): void {
    for (const node of nodes) {
      if (isText(node)) {
        this.pushTextBlock('paragraph', [node]);
        continue;
      }
      if (!isTag(node)) continue;
      const headingLevel = HEADING_LEVEL[node.name];
      if (headingLevel !== undefined) this.pushTextBlock('heading', node.children, headingLevel);
      else if (node.name === 'p') this.pushTextBlock('paragraph', node.children);
      else if (node.name === 'ul' || node.name === 'ol') this.walkList(node, 1);
      else if (node.name === 'table') this.pushTable(node);
      // mammoth writes comments into a <dl> only when asked to; an image on its own carries no text.
      else if (node.name !== 'dl' && node.name !== 'img') this.walkBlocks(node.children);
    }
  }

  private walkList(list: Element, level: number): void {
    const ordered = list.name === 'ol';
    for (const item of list.children) {
      if (!isTag(item)) continue;
      if (item.name !== 'li') {
        this.walkBlocks([item]);
        continue;
      }
      // mammoth appends footnotes as an <ol> of <li id="…footnote-N">: they are paragraphs, not a list.
      if (NOTE_ITEM_ID.test(item.attribs['id'] ?? '')) {
        this.walkBlocks(item.children);
        continue;
      }
      const nestedLists = item.children.filter((c): c is Element => isTag(c) && (c.name === 'ul' || c.name === 'ol'));
      const content = item.children.filter((c) => !nestedLists.includes(c as Element));
      this.pushTextBlock('list-item', content, Math.min(level, MAX_LIST_LEVEL), ordered);
      for (const nested of nestedLists) this.walkList(nested, level + 1);
    }
  }

  private pushTextBlock(kind: 'heading' | 'paragraph' | 'list-item', nodes: readonly ChildNode[], level = 1, ordered = false): void {
    const builder = new BlockTextBuilder(this.fontNames);
    collectInline(nodes, builder);
    const { text, fontSpans } = builder.finish();
    if (isBlank(text)) return;
    const location = { line: ++this.line };
    const extra = fontSpans ? { fontSpans } : {};
    if (kind === 'heading') this.blocks.push({ kind, level, text, location, ...extra });
    else if (kind === 'list-item') this.blocks.push({ kind, level, ordered, text, location, ...extra });
    else this.blocks.push({ kind, text, location, ...extra });
  }

  private pushTable(table: Element): void {
    const rowElements = table.children.flatMap((c) => {
      if (!isTag(c)) return [];
      if (c.name === 'tr') return [c];
      if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') return c.children.filter((r): r is Element => isTag(r) && r.name === 'tr');
      return [];
    });
    const cellsOf = (rowElement: Element) => rowElement.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'));
    // A table of one cell is a frame drawn around its content (a caption and a table, a boxed note): its content
    // is read as if it stood outside it.
    if (rowElements.length === 1 && cellsOf(rowElements[0]!).length === 1) {
      this.walkBlocks(cellsOf(rowElements[0]!)[0]!.children);
      return;
    }
    // A table inside a cell is a table of its own, read after the one that holds it.
    const nested: Element[] = [];
    const rows: { cells: Omit<TableCell, 'location'>[]; header: boolean }[] = [];
    for (const rowElement of rowElements) {
      const cellElements = cellsOf(rowElement);
      if (cellElements.length === 0) continue;
      const cells = cellElements.map((cellElement) => {
        const builder = new BlockTextBuilder(this.fontNames);
        collectInline(cellElement.children, builder, nested);
        const { text, fontSpans } = builder.finish();
        return {
          text,
          colSpan: positiveInteger(cellElement.attribs['colspan']),
          rowSpan: positiveInteger(cellElement.attribs['rowspan']),
          ...(fontSpans ? { fontSpans } : {}),
        };
      });
      rows.push({ cells, header: cellElements.every((c) => c.name === 'th') });
    }
    if (rows.some((row) => row.cells.some((cell) => !isBlank(cell.text)))) {
      const tableRows: TableRow[] = rows.map((row) => {
        const location = { line: ++this.line };
        return { cells: row.cells.map((cell) => ({ ...cell, location: { ...location } })), header: row.header, location };
      });
      const block: TableBlock = { kind: 'table', rows: tableRows, location: { ...tableRows[0]!.location } };
      this.blocks.push(block);
    }
    for (const table of nested) this.pushTable(table);
  }
}

/** `nestedTables`, when given, receives the tables met instead of their text (a table inside a table cell). */
function collectInline(nodes: readonly ChildNode[], builder: BlockTextBuilder, nestedTables?: Element[]): void {
  for (const node of nodes) {
    if (isText(node)) {
      builder.append(node.data);
      continue;
    }
    if (!isTag(node)) continue;
    if (node.name === 'table' && nestedTables) {
      nestedTables.push(node);
      builder.separate(' ');
      continue;
    }
    if (node.name === 'br') builder.append('\n');
    else if (node.name === 'img') continue;
    else if (node.name === 'a' && isNoteReferenceLink(node)) builder.appendMarkersOnly(textOf(node));
    else if (BLOCK_TAGS.has(node.name)) {
      builder.separate(' ');
      collectInline(node.children, builder, nestedTables);
      builder.separate(' ');
    } else collectInline(node.children, builder, nestedTables);
  }
}

/** The "[1]" in the body that points to a note, and the "↑" in the note that points back. */
function isNoteReferenceLink(element: Element): boolean {
  return NOTE_REFERENCE_ID.test(element.attribs['id'] ?? '') || NOTE_REFERENCE_ID.test(element.attribs['href'] ?? '');
}

function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  return isTag(node) ? node.children.map(textOf).join('') : '';
}

function isBlank(text: string): boolean {
  return /^\s*$/u.test(text);
}

function positiveInteger(value: string | undefined): number {
  const parsed = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : 1;
}

// ---------------------------------------------------------------------------------------------
// Small XML helpers over htmlparser2's XML mode; names are matched without their namespace prefix.

function parseXml(xml: string): Element[] {
  return parseDocument(xml, { xmlMode: true }).children.filter(isTag);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function child(element: Element, name: string): Element | undefined {
  return element.children.find((c): c is Element => isTag(c) && localName(c.name) === name);
}

function descendants(roots: readonly Element[], name: string): Element[] {
  const found: Element[] = [];
  const visit = (element: Element) => {
    if (localName(element.name) === name) found.push(element);
    for (const c of element.children) if (isTag(c)) visit(c);
  };
  roots.forEach(visit);
  return found;
}

function attribute(element: Element, name: string): string | undefined {
  for (const [key, value] of Object.entries(element.attribs)) if (localName(key) === name) return value;
  return undefined;
}

function isOn(value: string | undefined): boolean {
  return value === '1' || value === 'true' || value === 'on';
}

/** An OOXML on/off property is on unless its value says otherwise. */
function isOff(value: string | undefined): boolean {
  return value === '0' || value === 'false' || value === 'off';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
