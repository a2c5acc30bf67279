namespace Aizu.Hardware.Dsmr.Tests;

/// <summary>The faults every serial meter driver must survive, on the P1 driver and its simulated DSMR 5 meter.</summary>
public sealed class DriverFaultTests : SerialMeterFaultTests<DsmrMeterSource, DsmrReadout, DsmrErrorKind>
{
    protected override DsmrErrorKind ChecksumMismatch => DsmrErrorKind.ChecksumMismatch;

    // The simulator's corruption adds 100 kWh to tariff 1; a register that jumps like that was used.
    protected override (string Series, double MaxStep) Register => (SeriesNames.ElectricImportEnergyTariffOne, 1);

    protected override ReadOnlyMemory<byte> Noise => "\u0001\u00FF noise 12 %% ))(("u8.ToArray();

    protected override string SilenceWarning => "No valid telegram";

    protected override async Task<SerialMeterHarness<DsmrMeterSource, DsmrReadout, DsmrErrorKind>> StartSimulatorAsync() =>
        await DriverHarness.StartSimulatorAsync();
}
