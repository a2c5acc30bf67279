namespace Aizu.City.Analysis;

/// <summary>
/// The cells of a released table as its audit entry stores them (<c>query_audit.released</c>, docs/city.md "Query
/// audit"), column-wise so an entry is a few bytes a cell: the areas and columns once, then per cell their indexes,
/// the rule ("" when released), the numbers and the consent snapshot (an index into <c>consentSets</c>). The entry is
/// also what the next query's rules read back as what the analyst holds (<see cref="Read"/>), so the table is stored
/// once.
/// </summary>
internal static class AuditCells
{
    /// <summary>The entry's JSON for <paramref name="table"/>, UTF-8 (PostgreSQL takes it as it is).</summary>
    /// <param name="table">The released table.</param>
    /// <param name="digests">The consent snapshots' digests, in their order in the entry.</param>
    /// <param name="consentSet">Each released cell's list of references (by reference) to its snapshot's index in <paramref name="digests"/>.</param>
    public static ReadOnlyMemory<byte> Write(StatisticsTable table, List<string> digests, Dictionary<IReadOnlyList<string>, int> consentSet)
    {
        var areas = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new Dictionary<(DateOnly, DateOnly, int?), int>();
        var (areaList, columnList) = (new List<string>(), new List<string>());
        var buffer = new ArrayBufferWriter<byte>(table.Cells.Count * 32);
        // Fixed structure, and PostgreSQL checks the entry's JSON as it stores it: the writer's own checks are skipped.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("consentSets");
            digests.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("area");
            foreach (var cell in table.Cells)
            {
                if (!areas.TryGetValue(cell.Key.Area, out var a))
                {
                    a = areas[cell.Key.Area] = areaList.Count;
                    areaList.Add(cell.Key.Area.Length == 0 ? "(all)" : cell.Key.Area);
                }

                json.WriteNumberValue(a);
            }

            json.WriteEndArray();
            json.WriteStartArray("column");
            foreach (var cell in table.Cells)
            {
                if (!columns.TryGetValue((cell.Key.From, cell.Key.To, cell.Key.Hour), out var c))
                {
                    c = columns[(cell.Key.From, cell.Key.To, cell.Key.Hour)] = columnList.Count;
                    var key = cell.Key.ToString();
                    columnList.Add(key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..]);
                }

                json.WriteNumberValue(c);
            }

            json.WriteEndArray();
            json.WriteStartArray("rule");
            foreach (var c in table.Cells)
            {
                json.WriteStringValue(c.Status == CellStatus.Released ? "" : c.Rule.ToString());
            }

            json.WriteEndArray();
            json.WriteStartArray("energyWh");
            foreach (var c in table.Cells)
            {
                Nullable(json, c.EnergyWh);
            }

            json.WriteEndArray();
            json.WriteStartArray("households");
            foreach (var c in table.Cells)
            {
                Nullable(json, c.Households);
            }

            json.WriteEndArray();
            json.WriteStartArray("consentSet");
            foreach (var c in table.Cells)
            {
                Nullable(json, c.Status == CellStatus.Released ? consentSet[c.Consents] : null);
            }

            json.WriteEndArray();
            json.WriteStartArray("areas");
            areaList.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("columns");
            columnList.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>
    /// Each cell of an entry written by <see cref="Write"/>, in the table's order, as what its analyst was given. An
    /// entry from before the column-wise form (migration 0005) has no <c>area</c> array and yields nothing: its cells
    /// were carried into the analyst's folded row by that migration.
    /// </summary>
    /// <exception cref="InvalidDataException">The entry's arrays do not fit together.</exception>
    public static void Read(ReadOnlySpan<byte> entry, Action<CellKey, EarlierRelease> given)
    {
        List<int> area = [], column = [];
        List<bool> released = [];
        List<decimal?> energy = [];
        List<int?> households = [];
        List<string> areas = [], columns = [];
        var json = new Utf8JsonReader(entry);
        json.Read();
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json.GetString();
            json.Read();
            if (json.TokenType != JsonTokenType.StartArray)
            {
                json.Skip();
                continue;
            }

            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                switch (name)
                {
                    case "area":
                        area.Add(json.GetInt32());
                        break;
                    case "column":
                        column.Add(json.GetInt32());
                        break;
                    case "rule":
                        released.Add(json.ValueSpan.IsEmpty);
                        break;
                    case "energyWh":
                        energy.Add(json.TokenType == JsonTokenType.Null ? null : json.GetDecimal());
                        break;
                    case "households":
                        households.Add(json.TokenType == JsonTokenType.Null ? null : json.GetInt32());
                        break;
                    case "areas":
                        areas.Add(json.GetString()!);
                        break;
                    case "columns":
                        columns.Add(json.GetString()!);
                        break;
                    default:
                        json.Skip();
                        break;
                }
            }
        }

        if (column.Count != area.Count || released.Count != area.Count || energy.Count != area.Count || households.Count != area.Count)
        {
            throw new InvalidDataException("an audit entry's cell arrays differ in length");
        }

        var keys = columns.Select(Column).ToList();
        for (var i = 0; i < area.Count; i++)
        {
            var (from, to, hour) = keys[column[i]];
            given(new CellKey(areas[area[i]] == "(all)" ? "" : areas[area[i]], from, to, hour), released[i]
                ? new EarlierRelease(CellStatus.Released, energy[i], households[i])
                : new EarlierRelease(CellStatus.Suppressed, null, null));
        }
    }

    // "first day|day after the last|hour or *", as CellKey writes it after the area.
    private static (DateOnly From, DateOnly To, int? Hour) Column(string column)
    {
        var parts = column.Split('|');
        return (DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            parts[2] == "*" ? null : int.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static void Nullable(Utf8JsonWriter json, decimal? value)
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
