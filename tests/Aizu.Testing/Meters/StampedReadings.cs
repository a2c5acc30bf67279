using System.Threading.Channels;
using Aizu.Readings;

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

    private List<Reading> At(DateTimeOffset stamp) => _byStamp.TryGetValue(stamp, out var list) ? list : [];
}
