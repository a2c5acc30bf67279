namespace Aizu.Hardware.Dsmr.Tests;

// Kept apart from the telegrams so bench/Aizu.Benchmarks can compile those without xunit.
internal static partial class RealTelegrams
{
    /// <summary>Every telegram that carries a CRC, for theories.</summary>
    public static TheoryData<string> WithChecksum => new(Checked);
}
