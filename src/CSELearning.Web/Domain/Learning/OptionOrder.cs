using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CSELearning.Web.Domain.Learning;

// The order a question's options or a node's choices are shown in: shuffled, but the same every time for the same
// seed, so a reload, Back or another device shows what the learner saw first. Options the author pinned keep their
// written place. The stream is SHA-256 in counter mode rather than System.Random, whose sequence for a seed is not
// promised to stay the same between .NET versions.
public static class OptionOrder
{
    // Written numbers (1-based) in the order shown.
    public static int[] Shuffle(string seed, IReadOnlyList<bool> pinned)
    {
        var order = Enumerable.Range(1, pinned.Count).ToArray();
        var free = Enumerable.Range(0, pinned.Count).Where(i => !pinned[i]).ToArray();
        var numbers = free.Select(i => order[i]).ToArray();
        var stream = new Stream(seed);
        for (var i = numbers.Length - 1; i > 0; i--)
        {
            var j = stream.Below(i + 1);
            (numbers[i], numbers[j]) = (numbers[j], numbers[i]);
        }
        for (var k = 0; k < free.Length; k++) order[free[k]] = numbers[k];
        return order;
    }

    public static string Format(IEnumerable<int> order) => string.Join(',', order);

    // Null when the text is not an order of 1..count: a stored order from another version of the content.
    public static int[]? Parse(string? text, int count)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var parts = text.Split(',');
        if (parts.Length != count) return null;
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out order[i])) return null;
        }
        return order.Order().SequenceEqual(Enumerable.Range(1, count)) ? order : null;
    }

    private sealed class Stream(string seed)
    {
        private readonly byte[] _seed = Encoding.UTF8.GetBytes(seed);
        private byte[] _block = [];
        private int _used;
        private uint _counter;

        // Uniform in [0, bound): values from the top of the 32-bit range that would favour small results are drawn again.
        public int Below(int bound)
        {
            var limit = uint.MaxValue - (uint.MaxValue % (uint)bound);
            while (true)
            {
                var value = Next();
                if (value < limit) return (int)(value % (uint)bound);
            }
        }

        private uint Next()
        {
            if (_used + 4 > _block.Length)
            {
                var input = new byte[_seed.Length + 4];
                _seed.CopyTo(input, 0);
                BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(_seed.Length), _counter++);
                _block = SHA256.HashData(input);
                _used = 0;
            }
            var value = BinaryPrimitives.ReadUInt32BigEndian(_block.AsSpan(_used));
            _used += 4;
            return value;
        }
    }
}
