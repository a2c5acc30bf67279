using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Export;

public sealed class ReadingExporterTests : TempDatabaseTests
{
    private async Task<ReadingStore> OpenWithData()
    {
        var store = database.Open();
        await store.AppendAsync(
        [
            Power(0, 480),
            Power(30, 532.5, ReadingQuality.Uncertain),
            Power(90, 500),
            Import(0, 100.0),
            Import(1, 100.25, ReadingQuality.Backfilled),
        ], CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task Raw_csv_of_one_series()
    {
        await using var store = await OpenWithData();
        using var output = new StringWriter();

        var records = await new ReadingExporter(store).ExportAsync(
            SeriesNames.ElectricPower, T0, T0.AddMinutes(2), Resolution.Raw, ExportFormat.Csv, output, CancellationToken.None);

        Assert.Equal(3, records);
        Assert.Equal(
            """
            series,timestamp,value,unit,quality
            elec.power,2025-06-01T00:00:00.000Z,480,W,Good
            elec.power,2025-06-01T00:00:30.000Z,532.5,W,Uncertain
            elec.power,2025-06-01T00:01:30.000Z,500,W,Good

            """.ReplaceLineEndings("\n"),
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Minute_rollups_of_every_series_as_json()
    {
        await using var store = await OpenWithData();
        using var output = new StringWriter();

        var records = await new ReadingExporter(store).ExportAsync(
            null, T0, T0.AddHours(1), Resolution.Minute, ExportFormat.Json, output, CancellationToken.None);

        using var document = JsonDocument.Parse(output.ToString());
        var rows = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(4, records);
        Assert.Equal(4, rows.Length);

        var power = rows.Where(r => r.GetProperty("series").GetString() == SeriesNames.ElectricPower).ToArray();
        Assert.Equal("2025-06-01T00:00:00.000Z", power[0].GetProperty("start").GetString());
        Assert.Equal("2025-06-01T00:01:00.000Z", power[0].GetProperty("end").GetString());
        Assert.Equal(2, power[0].GetProperty("count").GetInt32());
        Assert.Equal(506.25, power[0].GetProperty("mean").GetDouble());
        Assert.Equal(JsonValueKind.Null, power[0].GetProperty("energy").ValueKind);

        var import = rows.Where(r => r.GetProperty("series").GetString() == SeriesNames.ElectricImportEnergy).ToArray();
        Assert.Equal(0.25, import[0].GetProperty("energy").GetDouble());
        Assert.Equal("kWh", import[0].GetProperty("unit").GetString());
    }

    [Fact]
    public async Task An_empty_export_is_a_valid_document_and_auto_is_refused()
    {
        await using var store = await OpenWithData();
        using var json = new StringWriter();
        var exporter = new ReadingExporter(store);

        Assert.Equal(0, await exporter.ExportAsync("gas", T0, T0.AddDays(1), Resolution.Raw, ExportFormat.Json, json, CancellationToken.None));
        Assert.Empty(JsonDocument.Parse(json.ToString()).RootElement.EnumerateArray());
        await Assert.ThrowsAsync<ArgumentException>(() =>
            exporter.ExportAsync(null, T0, T0.AddDays(1), Resolution.Auto, ExportFormat.Csv, TextWriter.Null, CancellationToken.None));
    }
}
