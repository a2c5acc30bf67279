namespace Aizu.City.Statistics;

/// <summary>Uniform random bits for the noise samplers: the operating system's cryptographic generator in service
/// (<see cref="CryptographicRandomSource"/>), a seeded one in tests.</summary>
public interface IRandomSource
{
    /// <summary>Fills <paramref name="destination"/> with uniform random bytes.</summary>
    void Fill(Span<byte> destination);
}
