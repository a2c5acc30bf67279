namespace Aizu.City.Statistics;

/// <summary>
/// Exact samples of the discrete Laplace distribution, P(y) ∝ exp(−|y| / scale) on the integers, with scale = t / s
/// rational: Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential Privacy" (NeurIPS 2020), algorithms 1
/// and 2. Only integer arithmetic and uniform integers from the injected source: no floating point, so nothing leaks
/// through rounding or the low bits of a float (Mironov 2012).
/// </summary>
public sealed class DiscreteLaplace(IRandomSource random)
{
    /// <summary>One sample with scale <paramref name="t"/> / <paramref name="s"/> (both ≥ 1).</summary>
    public long Sample(long t, long s)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(t, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(s, 1);
        while (true)
        {
            var u = Uniform((ulong)t);
            if (!BernoulliExp((long)u, t))
            {
                continue;
            }

            // V ~ Geometric(1 − e^−1): how many times e^−1 comes up in a row.
            long v = 0;
            while (BernoulliExp(1, 1))
            {
                v++;
            }

            var x = (long)u + (t * v);
            var y = x / s;
            var negative = Uniform(2) == 1;
            if (negative && y == 0)
            {
                continue;
            }

            return negative ? -y : y;
        }
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), by rejection (no modulo bias).</summary>
    public ulong Uniform(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var limit = ulong.MaxValue - (ulong.MaxValue % bound) - 1;
        Span<byte> bytes = stackalloc byte[8];
        while (true)
        {
            random.Fill(bytes);
            var value = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            if (value <= limit)
            {
                return value % bound;
            }
        }
    }

    // Bernoulli(n / d), n ≤ d.
    private bool Bernoulli(long n, long d) => Uniform((ulong)d) < (ulong)n;

    // Bernoulli(exp(−n / d)) for n ≥ 0: algorithm 1 of CKS20 (a run of Bernoulli(γ / k) trials; odd length wins).
    private bool BernoulliExp(long n, long d)
    {
        while (n > d)
        {
            if (!BernoulliExp(1, 1))
            {
                return false;
            }

            n -= d;
        }

        long k = 1;
        while (Bernoulli(n, d * k))
        {
            k++;
        }

        return k % 2 == 1;
    }
}
