namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>What the city's subscriber on <c>#</c> received, sorted as the city ingest sorts it.</summary>
internal static class CityMessages
{
    /// <summary>A data window of the energy-planning purpose (<c>aizu/v1/dt/{purpose}/…</c>).</summary>
    public static bool IsData(RecordedMessage m) => m.Topic.StartsWith($"aizu/v1/dt/{CityCouncil.EnergyPurpose}/", StringComparison.Ordinal);

    /// <summary>A data set's consent state (<c>aizu/v1/consent/{purpose}/{dataset}</c>).</summary>
    public static bool IsConsentState(RecordedMessage m) =>
        m.Topic.StartsWith($"aizu/v1/consent/{CityCouncil.EnergyPurpose}/", StringComparison.Ordinal) && m.Topic.Split('/').Length == 5;

    /// <summary>Every data window the recorders received, in their order.</summary>
    public static List<RecordedMessage> Data(IEnumerable<BrokerRecorder> recorders) => [.. recorders.SelectMany(r => r.Messages).Where(IsData)];

    /// <summary>The start of the window a data message (SenML) carries.</summary>
    public static DateTimeOffset WindowStart(RecordedMessage m)
    {
        using var senml = JsonDocument.Parse(m.Payload);
        return DateTimeOffset.FromUnixTimeSeconds(senml.RootElement[0].GetProperty("t").GetInt64());
    }
}
