using System.Text.Json;
using Aizu.Gateway.Tests.CityLink;

namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>What the city's subscriber received, sorted as the city ingest sorts it.</summary>
internal static class CityMessages
{
    /// <summary>A data window of the energy-planning purpose.</summary>
    public static bool IsData(RecordedMessage m) => m.Topic.StartsWith($"aizu/v1/dt/{CityCouncil.EnergyPurpose}/", StringComparison.Ordinal);

    /// <summary>A data set's consent state (not a change or deletion request beneath it).</summary>
    public static bool IsConsentState(RecordedMessage m) =>
        m.Topic.StartsWith($"aizu/v1/consent/{CityCouncil.EnergyPurpose}/", StringComparison.Ordinal) && m.Topic.Split('/').Length == 5;

    /// <summary>The start of the window a data message carries (its SenML base time).</summary>
    public static DateTimeOffset WindowStart(RecordedMessage m)
    {
        using var senml = JsonDocument.Parse(m.Payload);
        return DateTimeOffset.FromUnixTimeSeconds(senml.RootElement[0].GetProperty("t").GetInt64());
    }
}
