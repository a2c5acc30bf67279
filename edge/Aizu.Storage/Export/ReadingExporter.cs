namespace Aizu.Storage;

/// <summary>
/// Writes stored readings or rollups as CSV or JSON, for <c>aizu export</c> and for people who want
/// their data in a spreadsheet. Raw data is read a day at a time, so a year of 1 Hz data streams out
/// without being held in memory.
/// </summary>
/// <remarks>
/// Timestamps are UTC in ISO 8601 with milliseconds. Raw rows have <c>series, timestamp, value, unit,
/// quality</c>; rollup rows have <c>series, start, end, count, min, max, mean, energy, unit</c>, empty
/// (CSV) or null (JSON) where a bucket has no value.
/// </remarks>
public sealed class ReadingExporter(IReadingQueries store)
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private static readonly TimeSpan RawSlice = TimeSpan.FromDays(1);

    /// <summary>
    /// Writes <paramref name="series"/> (every series when null) in [<paramref name="from"/>, <paramref name="to"/>)
    /// at <paramref name="resolution"/> to <paramref name="output"/>. Returns the number of records written.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="resolution"/> is <see cref="Resolution.Auto"/>: an export names its resolution.</exception>
    public async Task<long> ExportAsync(
        string? series,
        DateTimeOffset from,
        DateTimeOffset to,
        Resolution resolution,
        ExportFormat format,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (resolution == Resolution.Auto || !Enum.IsDefined(resolution))
        {
            throw new ArgumentException("Choose raw, minute, quarter-hour, hour or day for an export.", nameof(resolution));
        }

        if (!Enum.IsDefined(format))
        {
            throw new ArgumentException("Choose csv or json.", nameof(format));
        }

        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The end of the span precedes its start.");
        }

        var names = series is not null
            ? [series]
            : (await store.GetSeriesAsync(cancellationToken)).Select(s => s.Name).ToArray();
        var writer = new RecordWriter(output, format, resolution == Resolution.Raw);
        await writer.StartAsync();
        foreach (var name in names)
        {
            if (resolution == Resolution.Raw)
            {
                for (var sliceStart = from; sliceStart < to; sliceStart += RawSlice)
                {
                    var sliceEnd = sliceStart + RawSlice < to ? sliceStart + RawSlice : to;
                    foreach (var reading in await store.GetRangeAsync(name, sliceStart, sliceEnd, cancellationToken))
                    {
                        writer.Raw(reading.Series, reading.Timestamp, reading.Value, reading.Unit, reading.Quality.ToString());
                    }

                    await writer.FlushAsync();
                }
            }
            else
            {
                var range = await store.GetRangeAsync(name, from, to, resolution, int.MaxValue, cancellationToken);
                foreach (var point in range.Points)
                {
                    writer.Rollup(name, point, range.Unit ?? "");
                }

                await writer.FlushAsync();
            }
        }

        await writer.EndAsync();
        return writer.Records;
    }

    /// <summary>Formats records into a UTF-8 buffer and hands it to the text writer in pieces.</summary>
    private sealed class RecordWriter(TextWriter output, ExportFormat format, bool raw)
    {
        private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);
        private readonly StringBuilder line = new();

        public long Records { get; private set; }

        public async Task StartAsync()
        {
            if (format == ExportFormat.Json)
            {
                await output.WriteAsync("[");
            }
            else
            {
                await output.WriteLineAsync(raw
                    ? "series,timestamp,value,unit,quality"
                    : "series,start,end,count,min,max,mean,energy,unit");
            }
        }

        public void Raw(string series, DateTimeOffset timestamp, double value, string unit, string quality)
        {
            if (format == ExportFormat.Json)
            {
                Json(json =>
                {
                    json.WriteString("series", series);
                    json.WriteString("timestamp", Stamp(timestamp));
                    json.WriteNumber("value", value);
                    json.WriteString("unit", unit);
                    json.WriteString("quality", quality);
                });
                return;
            }

            line.Clear();
            line.Append(Csv(series)).Append(',').Append(Stamp(timestamp)).Append(',')
                .Append(Number(value)).Append(',').Append(Csv(unit)).Append(',').Append(quality);
            Text(line);
        }

        public void Rollup(string series, AggregatePoint point, string unit)
        {
            if (format == ExportFormat.Json)
            {
                Json(json =>
                {
                    json.WriteString("series", series);
                    json.WriteString("start", Stamp(point.Start));
                    json.WriteString("end", Stamp(point.End));
                    json.WriteNumber("count", point.Count);
                    Nullable(json, "min", point.Min);
                    Nullable(json, "max", point.Max);
                    Nullable(json, "mean", point.Mean);
                    Nullable(json, "energy", point.Energy);
                    json.WriteString("unit", unit);
                });
                return;
            }

            line.Clear();
            line.Append(Csv(series)).Append(',').Append(Stamp(point.Start)).Append(',').Append(Stamp(point.End)).Append(',')
                .Append(point.Count.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(point.Min)).Append(',').Append(Number(point.Max)).Append(',')
                .Append(Number(point.Mean)).Append(',').Append(Number(point.Energy)).Append(',').Append(Csv(unit));
            Text(line);
        }

        public async Task FlushAsync()
        {
            if (buffer.WrittenCount > 0)
            {
                await output.WriteAsync(Encoding.UTF8.GetString(buffer.WrittenSpan));
                buffer.ResetWrittenCount();
            }
        }

        public async Task EndAsync()
        {
            await FlushAsync();
            if (format == ExportFormat.Json)
            {
                await output.WriteLineAsync(Records == 0 ? "]" : "\n]");
            }

            await output.FlushAsync();
        }

        private void Json(Action<Utf8JsonWriter> properties)
        {
            Encoding.UTF8.GetBytes(Records == 0 ? "\n" : ",\n", buffer);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                properties(json);
                json.WriteEndObject();
            }

            Records++;
        }

        private void Text(StringBuilder text)
        {
            text.Append('\n');
            foreach (var piece in text.GetChunks())
            {
                Encoding.UTF8.GetBytes(piece.Span, buffer);
            }

            Records++;
        }

        private static void Nullable(Utf8JsonWriter json, string name, double? value)
        {
            if (value is { } number)
            {
                json.WriteNumber(name, number);
            }
            else
            {
                json.WriteNull(name);
            }
        }

        private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

        private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

        private static string Csv(string text) =>
            text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
