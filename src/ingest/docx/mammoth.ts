/**
 * mammoth, with its style-map lines parsed once per process instead of once per document.
 *
 * mammoth reads its ~50 default style-map lines and ours with a parser-combinator library on every
 * conversion: 5 ms a document, an eighth of a DOCX's reading time in the bench corpus. The lines never
 * change, and what parsing one gives is only ever read, so each line's result is kept. This reaches
 * into mammoth/lib (pinned version) and must run before mammoth's own index.js copies readStyle, so
 * every module takes mammoth from here.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
if (require.cache[require.resolve('mammoth')]) {
  throw new Error('mammoth was loaded before src/ingest/docx/mammoth.ts, so its style map would be parsed for every document: import mammoth only from this module');
}
const styleReader = require('mammoth/lib/style-reader') as { readStyle: (line: string) => unknown };
const parseLine = styleReader.readStyle;
const parsedLines = new Map<string, unknown>();
let linesParsed = 0;
styleReader.readStyle = (line: string) => {
  let parsed = parsedLines.get(line);
  if (parsed === undefined) {
    linesParsed++;
    parsed = parseLine(line);
    parsedLines.set(line, parsed);
  }
  return parsed;
};

/** How many style-map lines this process has parsed so far (for the test that this cache works). */
export function styleMapLinesParsed(): number {
  return linesParsed;
}

const mammoth = require('mammoth') as typeof import('mammoth');
export default mammoth;
