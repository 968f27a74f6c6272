#!/usr/bin/env python3
"""Convert the UI font's CFF outlines (OpenType .otf) to TrueType quadratic outlines (.ttf).

  font_to_ttf.py IN.otf OUT.ttf

Why: Dear ImGui 1.86 rasterises with stb_truetype, whose CFF path runs each glyph's charstring
program twice (bounding box, then outline); with glyf outlines the box is read from the table.
Building the explorer's atlas (3 sizes x ~370 glyphs, on the page's first frame) measured ~1.5-2x
faster in WASM with the converted font (warm: ~25 -> ~10 ms; cold first run: ~75 -> ~50 ms under
node), for ~5 KB more brotli. Curves are approximated with fontTools' cu2qu within 1 font unit.
A font that already has glyf outlines is copied unchanged. Needs python3-fonttools (setup.sh).
"""
import shutil
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 1.0  # font units


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().split('\n\n')[1])
    src, dst = sys.argv[1], sys.argv[2]
    font = TTFont(src, recalcTimestamp=False)  # same input, same bytes (the wasm's hashed name)
    if 'CFF ' not in font:
        shutil.copyfile(src, dst)
        return
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType's clockwise
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font['loca'] = newTable('loca')
    glyf = font['glyf'] = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    maxp = font['maxp'] = newTable('maxp')  # version 1.0 (TrueType); counts are recomputed on save
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
                  'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, field, 0)
    # post format 3: no glyph names. stb_truetype never reads them, and format 2's ~1200 names
    # were 12 KB of the font (2.9 kB brotli of the page).
    post = font['post']
    post.formatType = 3.0
    font.sfntVersion = '\x00\x01\x00\x00'
    font.save(dst)


if __name__ == '__main__':
    main()
