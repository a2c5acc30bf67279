namespace Aizu.FaultInjection.Tests.Hardware;

/// <summary>
/// The real gateway program (<c>aizu run --config</c>) on a simulated DSMR 5 meter's P1 port whose every telegram
/// carries two values no meter should send, under a CRC that is right: an L1 voltage that is not a number, and a tariff 2
/// import register too large for any register (30 digits). The gateway must take every telegram, store all its other
/// values exactly as the meter measured them, never store the two (nor an import total without its tariff 2), say so
/// once per value in one line, and keep reading.
/// </summary>
public sealed class P1FaultTests(ITestOutputHelper log)
{
    private const string GarbageObis = "1-0:32.7.0";
    private const string OverflowObis = "1-0:1.8.2";
    private const int Telegrams = 15;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    // A reading is stamped when the driver has read its telegram: on a loaded machine some seconds after the wire sent it.
    private static readonly TimeSpan Lag = TimeSpan.FromSeconds(10);

    // What a telegram that lost these objects cannot give: the objects' own series and the total that needs tariff 2.
    private static readonly string[] NeverStored =
        [SeriesNames.ElectricVoltagePhaseOne, SeriesNames.ElectricImportEnergyTariffTwo, SeriesNames.ElectricImportEnergy];

    [Fact]
    public async Task A_garbage_and_an_overflowing_value_in_every_telegram_are_skipped_and_everything_else_is_stored()
    {
        var watch = Stopwatch.StartNew();
        using var directory = new TemporaryDirectory();
        await using var wire = await P1Wire.StartAsync(Path.Combine(directory.Path, "ttyP1"), Garble);
        await using var gateway = MeterGateway.Start(directory.Path, "Dsmr", new JsonObject
        {
            ["DevicePath"] = wire.DevicePath,
            ["Protocol"] = "Dsmr5",
            ["PowerInterval"] = "00:00:00.1",
            ["EnergyInterval"] = "00:00:00.1",
        });
        await GatewayOutput.LinesAsync(gateway, $"{wire.DevicePath} open at", 1);
        wire.Connect();
        using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
        var database = MeterGateway.DatabasePath(directory.Path);

        // Telegrams keep being stored long after the first one said what it skipped: the driver never stopped.
        var first = DateTimeOffset.UtcNow;
        await Eventually.TrueAsync(
            async () => (await StoreSnapshot.ReadAsync(database)).Raw.Count(p => p.Series == SeriesNames.ElectricPower && p.Timestamp > first) >= Telegrams,
            Limit,
            () => $"{Telegrams} telegrams' power stored:{Environment.NewLine}{gateway.Output}");
        var status = await http.GetFromJsonAsync<JsonElement>("/api/status");
        var source = status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "dsmr");
        Assert.True(source.GetProperty("linkUp").GetBoolean(), $"the panel shows the P1 link down: {status}");

        Assert.True(await gateway.StopAsync() == 0, gateway.Output);
        GatewayOutput.AssertNoStackTrace(gateway);
        foreach (var obis in new[] { GarbageObis, OverflowObis })
        {
            Assert.True(1 == GatewayOutput.Lines(gateway, $"Skipped {obis} of a valid"), $"{obis} not said once:{Environment.NewLine}{gateway.Output}");
        }

        var snapshot = await StoreSnapshot.ReadAsync(database);
        foreach (var series in NeverStored)
        {
            Assert.True(!snapshot.Raw.Any(p => p.Series == series), $"{series} stored: {string.Join("; ", snapshot.Raw.Where(p => p.Series == series).Take(3))}");
        }

        // Every stored electricity reading is a value the meter measured in a telegram the wire passed on shortly
        // before it was stamped, and every other value of the telegrams was stored from (nearly) each of them.
        var checkedReadings = 0;
        foreach (var point in snapshot.Raw.Where(p => p.Series.StartsWith("elec.", StringComparison.Ordinal)))
        {
            // The store keeps milliseconds: a reading stamped in the millisecond the wire passed its telegram on reads as earlier.
            var said = wire.Said(point.Series).Where(s => s.At >= point.Timestamp - Lag && s.At < point.Timestamp + TimeSpan.FromMilliseconds(1)).ToList();
            Assert.True(said.Any(s => Math.Abs(s.Value - point.Value) < 1e-9),
                $"stored {point.Series} {point.Value} at {point.Timestamp:HH:mm:ss.fff}, but the meter said {(said.Count == 0 ? "no value" : string.Join(", ", said.Select(s => s.Value.ToString(CultureInfo.InvariantCulture))))} in the {Lag.TotalSeconds} s before; "
                + $"it said {string.Join(", ", wire.Said(point.Series).Take(12).Select(s => $"{s.At:HH:mm:ss.fff} {s.Value.ToString(CultureInfo.InvariantCulture)}"))}; "
                + $"stored {string.Join(", ", snapshot.Raw.Where(p => p.Series == point.Series).OrderBy(p => p.Timestamp).Take(12).Select(p => $"{p.Timestamp:HH:mm:ss.fff} {p.Value.ToString(CultureInfo.InvariantCulture)}"))}");
            checkedReadings++;
        }

        var stored = snapshot.Raw.Where(p => p.Series.StartsWith("elec.", StringComparison.Ordinal)).GroupBy(p => p.Series).ToDictionary(g => g.Key, g => g.Count());
        foreach (var series in Measured())
        {
            Assert.True(stored.GetValueOrDefault(series) >= Telegrams, $"{series}: {stored.GetValueOrDefault(series)} readings stored from {wire.Relayed} telegrams");
        }

        log.WriteLine($"{wire.Relayed} telegrams with both faults relayed, {checkedReadings} readings of {stored.Count} series checked against the meter, "
            + $"none of {string.Join(", ", NeverStored)}; {watch.Elapsed.TotalSeconds:F0} s.");
    }

    /// <summary>The series a DSMR 5 telegram of the simulated meter gives, but for those of <see cref="NeverStored"/>.</summary>
    private static string[] Measured() =>
    [
        SeriesNames.ElectricPower, SeriesNames.ElectricExportEnergy, SeriesNames.ElectricImportEnergyTariffOne,
        SeriesNames.ElectricExportEnergyTariffOne, SeriesNames.ElectricExportEnergyTariffTwo,
        SeriesNames.ElectricVoltagePhaseTwo, SeriesNames.ElectricVoltagePhaseThree,
        SeriesNames.ElectricCurrentPhaseOne, SeriesNames.ElectricCurrentPhaseTwo, SeriesNames.ElectricCurrentPhaseThree,
        SeriesNames.ElectricPowerPhaseOne, SeriesNames.ElectricPowerPhaseTwo, SeriesNames.ElectricPowerPhaseThree,
    ];

    /// <summary>Puts both faults into a telegram's lines.</summary>
    private static List<string> Garble(List<string> lines) =>
    [
        .. lines.Select(line => line.StartsWith(GarbageObis + "(", StringComparison.Ordinal) ? $"{GarbageObis}(2#0.1*V)"
            : line.StartsWith(OverflowObis + "(", StringComparison.Ordinal) ? $"{OverflowObis}({new string('9', 30)}.999*kWh)"
            : line),
    ];
}
