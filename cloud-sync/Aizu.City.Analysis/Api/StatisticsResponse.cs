using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Aizu.City.Statistics;

namespace Aizu.City.Analysis;

/// <summary>
/// Writes a released table as the API gives it (docs/city.md, "Asking"): JSON with one object per cell, or CSV.
/// The JSON goes straight to the response body with <see cref="Utf8JsonWriter"/>, provenance digests written as bytes,
/// because a year of daily cells is 19 000 cells and several MiB: no per-cell objects or strings are built for it.
/// </summary>
internal static class StatisticsResponse
{
    // Flushed to the body in pieces of about this size, so a large table is not held whole in memory.
    private const int FlushAt = 32 * 1024;

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

    /// <summary>Writes the JSON answer to <paramref name="body"/>.</summary>
    public static async Task WriteJsonAsync(PipeWriter body, StatisticsRequest request, ReleaseRules rules, long seq, StatisticsTable table, IReadOnlyDictionary<IReadOnlyList<string>, string> snapshots, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body);
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
        json.WriteStartArray("cells");
        foreach (var cell in table.Cells)
        {
            WriteCell(json, seq, cell, snapshots);
            if (json.BytesPending >= FlushAt)
            {
                json.Flush();
                await body.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
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

    private static void WriteCell(Utf8JsonWriter json, long seq, StatisticsCell cell, IReadOnlyDictionary<IReadOnlyList<string>, string> snapshots)
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
        if (released)
        {
            Span<byte> provenance = stackalloc byte[ProvenanceDigest.Length];
            ProvenanceDigest.Write(seq, cell.Key, snapshots[cell.Consents], provenance);
            json.WriteString(ProvenanceName, provenance);
        }
        else
        {
            json.WriteNull(ProvenanceName);
        }

        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, JsonEncodedText name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
