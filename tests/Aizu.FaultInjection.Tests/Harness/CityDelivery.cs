namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>
/// What the city must hold once a drained outbox's windows have all been sent, counted as the city ingest stores
/// them: one row per message id, so a QoS 1 re-send of an id is stored once and a window sent under a second id
/// would be counted twice.
/// </summary>
internal static class CityDelivery
{
    /// <summary>
    /// Asserts that <paramref name="received"/> (everything the city's subscribers got, in arrival order) holds exactly
    /// the outbox's data ids, each window under one id only, hourly from <paramref name="firstWindow"/> without a gap and
    /// first received in window order, the data set's consent state before them; and that the windows that waited
    /// (<paramref name="dataWaiting"/>) are the outbox's first. Returns the data messages received and their distinct ids.
    /// </summary>
    public static (int Received, int DistinctIds) AssertEveryWindowOnceInOrder(
        IReadOnlyList<OutboxRow> outbox, IReadOnlyList<OutboxRow> dataWaiting, IReadOnlyList<RecordedMessage> received, DateTimeOffset firstWindow)
    {
        Assert.All(outbox, r => Assert.Equal(1, r.State));
        var data = received.Where(CityMessages.IsData).ToList();
        var firstArrivals = data.DistinctBy(m => m.CorrelationData).ToList();
        var windows = firstArrivals.Select(CityMessages.WindowStart).ToList();

        Assert.Equal(outbox.Where(r => r.Kind == 0).Select(r => r.MessageId).Order(), firstArrivals.Select(m => m.CorrelationData!).Order());
        Assert.Equal(dataWaiting.Select(r => r.MessageId), outbox.Where(r => r.Kind == 0).Take(dataWaiting.Count).Select(r => r.MessageId));
        Assert.Equal(windows.Count, windows.Distinct().Count());

        Assert.Equal(firstWindow, windows[0]);
        Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(1), pair.Second - pair.First));

        var arrivals = received.ToList();
        Assert.InRange(arrivals.FindIndex(CityMessages.IsConsentState), 0, arrivals.FindIndex(CityMessages.IsData) - 1);
        return (data.Count, firstArrivals.Count);
    }
}
