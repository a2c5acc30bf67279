namespace Aizu.City.Analysis;

/// <summary>
/// Writes a released table as the API gives it (docs/city.md, "Asking"): JSON with one object per cell, JSON with an
/// array per field (<c>layout=columns</c>: the areas and periods once, no names repeated per cell, under half the
/// bytes), or CSV. The JSON goes straight to the response body with <see cref="Utf8JsonWriter"/>, provenance digests
/// written as bytes, because a year of daily cells is 19 000 cells and several MiB: no per-cell objects or strings are
/// built for it.
/// </summary>
internal static class StatisticsResponse
{
    // Flushed to the body in pieces of about this size, so a large table is not held whole in memory.
    private const int FlushAt = 32 * 1024;

    // The writer's checks of the document's structure cost about twice the writing itself (measured apart: 19 032
    // cell objects in 3 ms of CPU without, 9 ms with); the structure here is fixed code, and the tests parse both layouts.
    private static readonly JsonWriterOptions Unchecked = new() { SkipValidation = true };

    private static readonly JsonEncodedText AreaName = JsonEncodedText.Encode("area");
    private static readonly JsonEncodedText PeriodName = JsonEncodedText.Encode("period");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText RuleName = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText EnergyWhName = JsonEncodedText.Encode("energyWh");
    private static readonly JsonEncodedText MeanWhName = JsonEncodedText.Encode("meanWh");
    private static readonly JsonEncodedText HouseholdsName = JsonEncodedText.Encode("households");
    private static readonly JsonEncodedText ConsentsName = JsonEncodedText.Encode("consents");
    private static readonly JsonEncodedText ProvenanceName = JsonEncodedText.Encode("provenance");
    private static readonly JsonEncodedText Released = JsonEncodedText.Encode("released");
    private static readonly JsonEncodedText Suppressed = JsonEncodedText.Encode("suppressed");

    /// <summary>Writes the JSON answer to <paramref name="body"/> in the request's layout.</summary>
    public static async Task WriteJsonAsync(PipeWriter body, StatisticsRequest request, ReleaseRules rules, long seq, StatisticsTable table, ProvenanceDigests digests, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body, Unchecked);
        WriteHead(json, request, rules, seq);
        if (request.Layout == "columns")
        {
            await WriteColumnsAsync(json, body, table, digests, cancellationToken);
        }
        else
        {
            json.WriteStartArray("cells");
            for (var i = 0; i < table.Cells.Count; i++)
            {
                WriteCell(json, i, table.Cells[i], digests);
                await FlushIfFullAsync(json, body, cancellationToken);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteHead(Utf8JsonWriter json, StatisticsRequest request, ReleaseRules rules, long seq)
    {
        json.WriteStartObject();
        json.WriteString("purpose", request.Purpose);
        json.WriteNumber("level", request.Query.Level);
        json.WriteString("period", StatisticsRequest.PeriodName(request.Query.Period));
        json.WriteString("from", request.Query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("to", request.Query.To.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartObject("rules");
        json.WriteNumber("minHouseholds", rules.MinHouseholds);
        json.WriteNumber("maxShare", rules.MaxShare);
        json.WriteEndObject();
        json.WriteNumber("audit", seq);
        json.WriteString("note", AnalysisEndpoints.WithdrawalNote);
    }

    // Cell i is areas[cells.area[i]] over periods[cells.period[i]] with cells.status[i] … cells.provenance[i]: the
    // same cells in the same order as the default layout, a field at a time.
    private static async Task WriteColumnsAsync(Utf8JsonWriter json, PipeWriter body, StatisticsTable table, ProvenanceDigests digests, CancellationToken cancellationToken)
    {
        var areas = new Dictionary<string, int>(StringComparer.Ordinal);
        var periods = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in table.Cells)
        {
            areas.TryAdd(cell.Key.Area, areas.Count);
            periods.TryAdd(cell.Period, periods.Count);
        }

        json.WriteString("layout", "columns");
        json.WriteStartArray("areas");
        foreach (var area in areas.Keys)
        {
            json.WriteStringValue(area);
        }

        json.WriteEndArray();
        json.WriteStartArray("periods");
        foreach (var period in periods.Keys)
        {
            json.WriteStringValue(period);
        }

        json.WriteEndArray();
        json.WriteStartObject("cells");
        var fields = new (JsonEncodedText Name, Action<StatisticsCell, int> Write)[]
        {
            (AreaName, (c, _) => json.WriteNumberValue(areas[c.Key.Area])),
            (PeriodName, (c, _) => json.WriteNumberValue(periods[c.Period])),
            (StatusName, (c, _) => json.WriteStringValue(c.Status == CellStatus.Released ? Released : Suppressed)),
            (RuleName, (c, _) => json.WriteStringValue(AnalysisEndpoints.RuleName(c.Rule))),
            (EnergyWhName, (c, _) => NumberValue(json, c.EnergyWh)),
            (MeanWhName, (c, _) => NumberValue(json, Mean(c))),
            (HouseholdsName, (c, _) => NumberValue(json, c.Households)),
            (ConsentsName, (c, _) => NumberValue(json, c.Status == CellStatus.Released ? c.Consents.Count : null)),
            (ProvenanceName, (c, i) => Provenance(json, i, c, digests)),
        };
        foreach (var (name, write) in fields)
        {
            json.WriteStartArray(name);
            for (var i = 0; i < table.Cells.Count; i++)
            {
                write(table.Cells[i], i);
                await FlushIfFullAsync(json, body, cancellationToken);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static async ValueTask FlushIfFullAsync(Utf8JsonWriter json, PipeWriter body, CancellationToken cancellationToken)
    {
        if (json.BytesPending >= FlushAt)
        {
            json.Flush();
            await body.FlushAsync(cancellationToken);
        }
    }

    /// <summary>The CSV answer (a header line, then a line per cell).</summary>
    public static string Csv(long seq, StatisticsTable table, IReadOnlyDictionary<IReadOnlyList<string>, string> snapshots)
    {
        var csv = new StringBuilder("area,period,status,rule,energy_wh,mean_wh,households,consents,provenance\n");
        foreach (var c in table.Cells)
        {
            var released = c.Status == CellStatus.Released;
            csv.Append(CultureInfo.InvariantCulture,
                $"{(c.Key.Area.Length == 0 ? "(all)" : c.Key.Area)},{c.Period},{(released ? "released" : "suppressed")},{AnalysisEndpoints.RuleName(c.Rule)},{c.EnergyWh},{Mean(c)},{c.Households},{(released ? c.Consents.Count : null)},{(released ? QueryAudit.Provenance(seq, c.Key, snapshots[c.Consents]) : null)}\n");
        }

        return csv.ToString();
    }

    private static decimal? Mean(StatisticsCell cell) => cell.MeanWh is { } mean ? decimal.Round(mean, 1) : null;

    private static void WriteCell(Utf8JsonWriter json, int index, StatisticsCell cell, ProvenanceDigests digests)
    {
        var released = cell.Status == CellStatus.Released;
        json.WriteStartObject();
        json.WriteString(AreaName, cell.Key.Area);
        json.WriteString(PeriodName, cell.Period);
        json.WriteString(StatusName, released ? Released : Suppressed);
        json.WriteString(RuleName, AnalysisEndpoints.RuleName(cell.Rule));
        Number(json, EnergyWhName, cell.EnergyWh);
        Number(json, MeanWhName, Mean(cell));
        Number(json, HouseholdsName, cell.Households);
        Number(json, ConsentsName, released ? cell.Consents.Count : null);
        json.WritePropertyName(ProvenanceName);
        Provenance(json, index, cell, digests);
        json.WriteEndObject();
    }

    private static void Provenance(Utf8JsonWriter json, int index, StatisticsCell cell, ProvenanceDigests digests)
    {
        if (cell.Status == CellStatus.Released)
        {
            json.WriteStringValue(digests.Of(index));
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void Number(Utf8JsonWriter json, JsonEncodedText name, decimal? value)
    {
        json.WritePropertyName(name);
        NumberValue(json, value);
    }

    private static void NumberValue(Utf8JsonWriter json, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
