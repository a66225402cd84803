/**
 * pdf.js leaves invisible format characters (Unicode category Cf) out of the text it extracts.
 * In TCVN3 text that loses a letter: byte 0xAD is "ư" in .VnTime fonts and U+00AD (soft hyphen)
 * once decoded, so "d©n c­" ("dân cư") comes out as "d©n c". The operator list still carries
 * every drawn glyph, so the dropped characters can be put back where they were drawn.
 */

const FORMAT_MARK = /^\p{Cf}$/u;
const WHITESPACE = /^\s$/u;

/** How far ahead (in glyphs) a character of the extracted text is looked for. */
const ALIGN_WINDOW = 16;
/** How far ahead the two texts may be resynchronised after they stop matching. */
const RESYNC_WINDOW = 64;

/**
 * Re-inserts into `items` (pdf.js text items, in content order) the format characters that
 * `glyphText` (the glyphs of the page's text operators, in the same order) has and they lack.
 * Items are changed in place.
 */
export function restoreDroppedMarks(items: { str: string }[], glyphText: string): void {
  if (!/\p{Cf}/u.test(glyphText)) return;
  const glyphs = glyphText;
  let p = 0;
  for (const item of items) {
    let out = '';
    for (const c of item.str) {
      if (WHITESPACE.test(c)) {
        if (p < glyphs.length && WHITESPACE.test(glyphs[p]!)) p++;
        out += c;
        continue;
      }
      let q = p;
      let marks = '';
      while (q < glyphs.length && glyphs[q] !== c && q - p < ALIGN_WINDOW && (FORMAT_MARK.test(glyphs[q]!) || WHITESPACE.test(glyphs[q]!))) {
        if (FORMAT_MARK.test(glyphs[q]!)) marks += glyphs[q];
        q++;
      }
      if (glyphs[q] === c) {
        out += marks + c;
        p = q + c.length;
      } else {
        const found = glyphs.indexOf(c, p);
        if (found !== -1 && found - p < RESYNC_WINDOW) p = found + c.length;
        out += c;
      }
    }
    // A mark right after an item's last letter ends that word ("nh­" = "như"), not the next item.
    if (/\p{L}$/u.test(out)) {
      while (p < glyphs.length && FORMAT_MARK.test(glyphs[p]!)) out += glyphs[p++];
    }
    item.str = out;
  }
}
