namespace Aizu.Testing;

/// <summary>
/// Reads what a driver writes and files each reading under its timestamp. A mutation test gives the driver a fake
/// clock and moves it on before each frame, so the readings stamped with one instant are those of one frame, however
/// the driver's writes interleave with the test's reads.
/// </summary>
/// <param name="readings">The channel the driver writes to.</param>
public sealed class StampedReadings(ChannelReader<Reading> readings)
{
    private readonly Dictionary<DateTimeOffset, List<Reading>> _byStamp = [];

    /// <summary>Waits until the readings stamped <paramref name="stamp"/> include every series of
    /// <paramref name="series"/>, and returns all readings with that stamp so far.</summary>
    /// <exception cref="TimeoutException">They did not all arrive within <paramref name="limit"/>.</exception>
    public async Task<IReadOnlyList<Reading>> WaitForAsync(DateTimeOffset stamp, IReadOnlyCollection<string> series, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!series.All(s => At(stamp).Any(r => r.Series == s)))
        {
            Reading reading;
            try
            {
                reading = await readings.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                var missing = series.Where(s => !At(stamp).Any(r => r.Series == s));
                var latest = _byStamp.Keys.Order().TakeLast(3).Select(k => $"{k:O}: {string.Join(", ", _byStamp[k].Select(r => r.Series))}");
                throw new TimeoutException($"No reading of {string.Join(", ", missing)} stamped {stamp:O} within {limit}. Latest: {string.Join("; ", latest)}.");
            }

            if (!_byStamp.TryGetValue(reading.Timestamp, out var list))
            {
                _byStamp[reading.Timestamp] = list = [];
            }

            list.Add(reading);
        }

        return At(stamp);
    }

    /// <summary>
    /// Checks one frame of a mutation test: waits until the driver has <paramref name="handled"/> it (so the clock can
    /// move on), then until its readings, stamped <paramref name="stamp"/>, hold every series of
    /// <paramref name="expected"/>, and fails unless each has its expected value. A timeout names
    /// <paramref name="what"/> and the driver's <paramref name="state"/>.
    /// </summary>
    public async Task ExpectAsync(DateTimeOffset stamp, Func<bool> handled, IReadOnlyDictionary<string, double> expected, string what, Func<string> state, TimeSpan limit)
    {
        IReadOnlyList<Reading> readings;
        try
        {
            await Eventually.TrueAsync(handled, "the driver handled the frame", limit);
            readings = await WaitForAsync(stamp, [.. expected.Keys], limit);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{what}. {ex.Message} {state()}", ex);
        }

        Unaffected.AssertStored(expected, readings, what);
    }

    private List<Reading> At(DateTimeOffset stamp) => _byStamp.TryGetValue(stamp, out var list) ? list : [];
}
