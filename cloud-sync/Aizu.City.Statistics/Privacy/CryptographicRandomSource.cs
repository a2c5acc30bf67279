namespace Aizu.City.Statistics;

/// <summary>The operating system's cryptographic random number generator.</summary>
public sealed class CryptographicRandomSource : IRandomSource
{
    /// <inheritdoc />
    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
