#!/usr/bin/python3
"""Makes the certificate fonts from Debian's DejaVu Sans (package fonts-dejavu-core).

Many accented letters in DejaVu Sans are composite glyphs: "ễ" is an "e" with a circumflex-and-tilde that is
itself made of two glyphs. PDFsharp keeps only one level of components when it puts the glyphs a document uses
into the PDF, so such letters were drawn without their accents ("Nguyen" for "Nguyễn"). This script replaces
every composite glyph by its plain outline, so each glyph stands alone and is embedded whole.

Run with Debian's python3-fonttools (apt-get install python3-fonttools fonts-dejavu-core):
    /usr/bin/python3 scripts/flatten-fonts.py
It writes src/CSELearning.Web/Documents/Fonts/DejaVuSans.ttf and DejaVuSans-Bold.ttf.
"""
from pathlib import Path

from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/dejavu")
TARGET = Path(__file__).resolve().parent.parent / "src/CSELearning.Web/Documents/Fonts"


def flatten(name: str) -> None:
    font = TTFont(SOURCE / name)
    glyf = font["glyf"]
    glyphs = font.getGlyphSet()
    composites = [g for g in font.getGlyphOrder() if glyf[g].isComposite()]
    for glyph_name in composites:
        recording = DecomposingRecordingPen(glyphs)
        glyphs[glyph_name].draw(recording)
        pen = TTGlyphPen(None)
        recording.replay(pen)
        glyf[glyph_name] = pen.glyph()
    # Flattened glyphs keep their advance widths; the bounding boxes are worked out again on saving.
    font["maxp"].maxComponentElements = 0
    font["maxp"].maxComponentDepth = 0
    font.save(TARGET / name)
    print(f"{name}: {len(composites)} composite glyphs flattened")


for face in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
    flatten(face)
