#!/usr/bin/python3
"""Builds stand-ins for the legacy Vietnamese fonts ".VnTime", ".VnTimeH" (TCVN3/ABC) and
"VNI-Times" (VNI) out of Liberation Serif, so that LibreOffice lays out legacy-encoded text with
the right Vietnamese glyphs while the PDF text layer keeps the legacy code points, as real
legacy PDFs do.

Run by scripts/make-fixtures.ts, which owns the encoding tables and passes them in a JSON spec:

  {"outDir": "...", "base": {"Regular": "LiberationSerif-Regular.ttf", "Bold": "..."},
   "fonts": [{"family": ".VnTime", "fileStem": "VnTime", "map": [
       {"code": 184, "glyphOf": "á"},                       # code point drawn as another letter
       {"code": 249, "marksOf": "á", "over": "a"}            # zero-width marks for the previous letter
   ]}]}

Every mapped code point gets a glyph of its own (a copy, never a shared glyph), so LibreOffice's
PDF ToUnicode map sends each glyph back to exactly one legacy code point.
Needs Debian's python3 (fontTools); the default python3 on this machine has none.
"""
import copy
import json
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

def glyph_name_for(font, char):
    cmap = font.getBestCmap()
    name = cmap.get(ord(char))
    if name is None:
        raise SystemExit(f"base font has no glyph for U+{ord(char):04X}")
    return name


def copy_glyph(font, source_name, new_name):
    glyf = font["glyf"]
    source = glyf[source_name]
    # Expanding composites keeps the copy self-contained (no component depth surprises).
    if source.isComposite():
        clone = Glyph()
        clone.numberOfContours = -1
        clone.components = copy.deepcopy(source.components)
    else:
        clone = copy.deepcopy(source)
    glyf[new_name] = clone
    font["hmtx"][new_name] = font["hmtx"][source_name]


def mark_glyph(font, precomposed, base, new_name):
    """A zero-advance glyph holding the marks of `precomposed` (e.g. "ấ") as they sit over `base`
    ("a"), moved back by the base's advance so that they land on the letter typed before them."""
    glyf = font["glyf"]
    base_name = glyph_name_for(font, base)
    source = glyf[glyph_name_for(font, precomposed)]
    if not source.isComposite() or source.components[0].glyphName != base_name:
        raise SystemExit(f"{precomposed!r} is not built as {base!r} + marks in the base font")
    base_advance = font["hmtx"][base_name][0]
    components = []
    for mark in source.components[1:]:
        component = copy.deepcopy(mark)
        component.x -= base_advance
        components.append(component)
    glyph = Glyph()
    glyph.numberOfContours = -1
    glyph.components = components
    glyf[new_name] = glyph
    glyph.recalcBounds(glyf)
    font["hmtx"][new_name] = (0, glyph.xMin)
    # Classed as a mark, the glyph is skipped by kerning instead of being kerned against "o" or "y".
    if "GDEF" in font and font["GDEF"].table.GlyphClassDef is not None:
        font["GDEF"].table.GlyphClassDef.classDefs[new_name] = 3


def set_names(font, family, style, ps_name):
    name_table = font["name"]
    full = family if style == "Regular" else f"{family} {style}"
    values = {1: family, 2: style, 3: f"solieu-fixtures:{ps_name}", 4: full, 6: ps_name}
    # Typographic family names would let fontconfig group these with Liberation Serif.
    name_table.names = [n for n in name_table.names if n.nameID not in (16, 17, 21, 22)]
    for record in list(name_table.names):
        if record.nameID in values:
            name_table.setName(values[record.nameID], record.nameID, record.platformID,
                               record.platEncID, record.langID)
    for name_id, value in values.items():
        name_table.setName(value, name_id, 3, 1, 0x409)


def build(spec_font, style, base_path, out_dir):
    font = TTFont(base_path)
    for table in ("hdmx", "LTSH", "VDMX", "DSIG"):
        if table in font:
            del font[table]
    cmap_updates = {}
    for entry in spec_font["map"]:
        code = entry["code"]
        new_name = f"legacy{code:04X}"
        if "glyphOf" in entry:
            copy_glyph(font, glyph_name_for(font, entry["glyphOf"]), new_name)
        else:
            mark_glyph(font, entry["marksOf"], entry["over"], new_name)
        cmap_updates[code] = new_name
    # glyf appends new glyphs to its order; the font-wide order must follow it.
    font.setGlyphOrder(list(font["glyf"].glyphOrder))
    # Mac 8-bit subtables cannot carry the remapped codes consistently; Windows Unicode ones can.
    font["cmap"].tables = [t for t in font["cmap"].tables if t.platformID == 3 or t.platformID == 0]
    for subtable in font["cmap"].tables:
        for code, glyph_name in cmap_updates.items():
            if subtable.format == 4 and code > 0xFFFF:
                continue
            subtable.cmap[code] = glyph_name
    ps_name = spec_font["family"] if style == "Regular" else f"{spec_font['family']}-{style}"
    set_names(font, spec_font["family"], style, ps_name)
    if "post" in font:
        font["post"].formatType = 2.0
        font["post"].extraNames = []
        font["post"].mapping = {}
    out_path = f"{out_dir}/{spec_font['fileStem']}-{style}.ttf"
    font.save(out_path)
    return out_path


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    for spec_font in spec["fonts"]:
        for style, base_path in spec["base"].items():
            print(build(spec_font, style, base_path, spec["outDir"]))


if __name__ == "__main__":
    main()
