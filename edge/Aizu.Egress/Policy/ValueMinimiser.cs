namespace Aizu.Egress;

/// <summary>
/// Applies a grant's <see cref="ValueTransform"/>: Laplace noise of scale b first (when asked for), then
/// rounding to the step, so what leaves is always on the step's grid. Negative results are clamped to
/// zero, which is post-processing and keeps any privacy the noise gives. The noise comes from a
/// cryptographic generator: a predictable one would let whoever guesses its state subtract the noise.
/// </summary>
public sealed class ValueMinimiser(RandomNumberGenerator random)
{
    /// <summary>The value to release for <paramref name="value"/> under <paramref name="transform"/>.</summary>
    public double Apply(double value, ValueTransform transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values can be released.");
        }

        if (transform.NoiseScale > 0)
        {
            value += Laplace(transform.NoiseScale);
        }

        value = Math.Max(0, value);
        if (transform.RoundTo > 0)
        {
            // decimal keeps 0.1-kWh-style steps from printing as 8400.000000000001.
            var step = (decimal)transform.RoundTo;
            value = (double)(Math.Round((decimal)value / step, MidpointRounding.AwayFromZero) * step);
        }

        return value;
    }

    private double Laplace(double scale)
    {
        // Inverse CDF of the Laplace distribution on u uniform in (-1/2, 1/2).
        double u;
        do
        {
            u = NextUnit() - 0.5;
        }
        while (u == -0.5);

        return -scale * Math.Sign(u) * Math.Log(1 - (2 * Math.Abs(u)));
    }

    // Uniform on [0, 1) with 53 random bits, the precision of a double.
    private double NextUnit()
    {
        Span<byte> bytes = stackalloc byte[8];
        random.GetBytes(bytes);
        return (BinaryPrimitives.ReadUInt64LittleEndian(bytes) >> 11) * (1.0 / (1UL << 53));
    }
}
