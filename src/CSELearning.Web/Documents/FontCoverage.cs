using System.Buffers.Binary;

namespace CSELearning.Web.Documents;

// The characters a TrueType font has a glyph for, read from its character map (the Windows Unicode BMP
// subtable, format 4). Only the Basic Multilingual Plane counts: PDFsharp 6 writes a character beyond it (an
// emoji) as the wrong glyph, so those are never handed to it.
internal sealed class FontCoverage
{
    private readonly HashSet<int> _characters;

    private FontCoverage(HashSet<int> characters) => _characters = characters;

    public int Count => _characters.Count;

    public bool Has(int codePoint) => _characters.Contains(codePoint);

    public FontCoverage Intersect(FontCoverage other) => new([.. _characters.Where(other._characters.Contains)]);

    public static FontCoverage Read(byte[] font)
    {
        var data = font.AsSpan();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        for (var t = 0; t < tables; t++)
        {
            var record = data[(12 + 16 * t)..];
            if (!record[..4].SequenceEqual("cmap"u8)) continue;
            var cmap = data[(int)BinaryPrimitives.ReadUInt32BigEndian(record[8..])..];
            var subtables = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
            for (var s = 0; s < subtables; s++)
            {
                var entry = cmap[(4 + 8 * s)..];
                var platform = BinaryPrimitives.ReadUInt16BigEndian(entry);
                var encoding = BinaryPrimitives.ReadUInt16BigEndian(entry[2..]);
                var subtable = cmap[(int)BinaryPrimitives.ReadUInt32BigEndian(entry[4..])..];
                if (platform == 3 && encoding == 1 && BinaryPrimitives.ReadUInt16BigEndian(subtable) == 4)
                    return new FontCoverage(ReadFormat4(subtable));
            }
        }
        throw new InvalidOperationException("The font has no Unicode character map (cmap format 4).");
    }

    private static HashSet<int> ReadFormat4(ReadOnlySpan<byte> subtable)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(subtable[6..]) / 2;
        var ends = subtable[14..];
        var starts = ends[(2 * segments + 2)..];
        var deltas = starts[(2 * segments)..];
        var offsets = deltas[(2 * segments)..];
        var characters = new HashSet<int>();
        for (var i = 0; i < segments; i++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(ends[(2 * i)..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(starts[(2 * i)..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(deltas[(2 * i)..]);
            int offset = BinaryPrimitives.ReadUInt16BigEndian(offsets[(2 * i)..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (offset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    // idRangeOffset counts from its own place in the array to the glyph index for this character.
                    var at = 2 * i + offset + 2 * (c - start);
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(offsets[at..]);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0) characters.Add(c);
            }
        }
        return characters;
    }
}
