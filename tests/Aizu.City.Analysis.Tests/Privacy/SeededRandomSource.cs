namespace Aizu.City.Analysis.Tests;

/// <summary>A deterministic stream for tests: xoshiro256** seeded through SplitMix64 (fast; not for service).</summary>
internal sealed class SeededRandomSource : IRandomSource
{
    private ulong s0, s1, s2, s3;

    public SeededRandomSource(ulong seed)
    {
        s0 = SplitMix(ref seed);
        s1 = SplitMix(ref seed);
        s2 = SplitMix(ref seed);
        s3 = SplitMix(ref seed);
    }

    public void Fill(Span<byte> destination)
    {
        Span<byte> word = stackalloc byte[8];
        while (destination.Length > 0)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(word, Next());
            var n = Math.Min(8, destination.Length);
            word[..n].CopyTo(destination);
            destination = destination[n..];
        }
    }

    private ulong Next()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
