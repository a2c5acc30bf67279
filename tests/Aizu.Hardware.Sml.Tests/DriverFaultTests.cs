namespace Aizu.Hardware.Sml.Tests;

/// <summary>The faults every serial meter driver must survive, on the SML driver and its simulated meter.</summary>
public sealed class DriverFaultTests : SerialMeterFaultTests<SmlMeterSource, SmlFile, SmlErrorKind>
{
    protected override SmlErrorKind ChecksumMismatch => SmlErrorKind.ChecksumMismatch;

    protected override (string Series, double MaxStep) Register => (SeriesNames.ElectricImportEnergy, 0.1);

    // An escape sequence and a list start with nothing sensible behind them.
    protected override ReadOnlyMemory<byte> Noise => new byte[] { 0x1B, 0x1B, 0x00, 0xFF, 0x42, 0x1A, 0x76, 0x05, 0x01, 0x02, 0x03 };

    protected override string SilenceWarning => "No valid SML frame";

    protected override async Task<SerialMeterHarness<SmlMeterSource, SmlFile, SmlErrorKind>> StartSimulatorAsync() =>
        await DriverHarness.StartSimulatorAsync();
}
