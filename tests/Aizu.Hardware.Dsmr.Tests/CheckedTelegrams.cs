namespace Aizu.Hardware.Dsmr.Tests;

/// <summary>The real telegrams that carry a CRC (<see cref="RealTelegrams.Checked"/>), as theory data.</summary>
internal static class CheckedTelegrams
{
    public static TheoryData<string> All => new(RealTelegrams.Checked);
}
