namespace Aizu.City.Analysis.Tests;

public sealed class DiscreteLaplaceTests
{
    private const int Samples = 1_000_000;

    [Fact]
    public void AMillionSamples_FitTheExactDiscreteLaplace_ByChiSquare()
    {
        // Scale 5/2: P(y) = (1 − q) / (1 + q) · q^|y| with q = e^(−2/5).
        var noise = new DiscreteLaplace(new SeededRandomSource(20261206));
        var counts = new Dictionary<long, int>();
        for (var i = 0; i < Samples; i++)
        {
            var y = noise.Sample(5, 2);
            counts[y] = counts.GetValueOrDefault(y) + 1;
        }

        var fit = ChiSquare(counts, 2.5);
        Assert.True(fit.Statistic < fit.Critical, $"χ² {fit.Statistic:F1} ≥ {fit.Critical:F1} (df {fit.Bins - 1})");
        Assert.True(fit.Bins > 20);
        // The same test tells a slightly wider distribution apart: it has the power to notice.
        var wrong = ChiSquare(counts, 2.6);
        Assert.True(wrong.Statistic > wrong.Critical, $"scale 2.6 passed: χ² {wrong.Statistic:F1}");
        Assert.InRange(counts.Sum(c => (double)c.Key * c.Value) / Samples, -0.02, 0.02);
    }

    [Fact]
    public void UniformIntegers_HaveNoModuloBias_AndTheCryptographicSourceWorks()
    {
        var noise = new DiscreteLaplace(new CryptographicRandomSource());
        var counts = new int[3];
        for (var i = 0; i < 30_000; i++)
        {
            counts[noise.Uniform(3)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_400, 10_600));
        Assert.Contains(Enumerable.Range(0, 100).Select(_ => noise.Sample(10, 1)), y => y != 0);
    }

    // Bins −K..K where each expects at least 20, the two tails pooled.
    private static (double Statistic, double Critical, int Bins) ChiSquare(Dictionary<long, int> counts, double scale)
    {
        var q = Math.Exp(-1 / scale);
        double Pmf(long y) => (1 - q) / (1 + q) * Math.Pow(q, Math.Abs(y));
        var k = 0L;
        while (Pmf(k + 1) * Samples >= 20)
        {
            k++;
        }

        var tail = (1 - Enumerable.Range((int)-k, (int)(2 * k) + 1).Sum(y => Pmf(y))) / 2;
        var statistic = 0.0;
        for (var y = -k; y <= k; y++)
        {
            statistic += Term(counts.GetValueOrDefault(y), Pmf(y) * Samples);
        }

        statistic += Term(counts.Where(c => c.Key < -k).Sum(c => c.Value), tail * Samples);
        statistic += Term(counts.Where(c => c.Key > k).Sum(c => c.Value), tail * Samples);
        var bins = (int)(2 * k) + 3;
        // Wilson–Hilferty: the χ² quantile at 1 − 0.001 (z = 3.09) for bins − 1 degrees of freedom.
        var df = bins - 1.0;
        var critical = df * Math.Pow(1 - (2 / (9 * df)) + (3.09 * Math.Sqrt(2 / (9 * df))), 3);
        return (statistic, critical, bins);
    }

    private static double Term(int observed, double expected) => (observed - expected) * (observed - expected) / expected;
}
