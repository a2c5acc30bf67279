namespace Aizu.City.Benchmarks;

/// <summary>
/// What a city's gateways send in one day, generated: per gateway a retained consent state with two grants
/// (daily planning, hourly peak-demand study) and 25 energy windows (one daily, 24 hourly), each under its
/// purpose's pseudonym, with the wire contract's topics, payloads and user properties.
/// </summary>
internal sealed class CityLoad(int gateways)
{
    public const string Recipient = "city-energy-office";
    public static readonly DateTimeOffset Day = new(2026, 3, 1, 15, 0, 0, TimeSpan.Zero);

    public int Gateways => gateways;

    public int DataMessages => gateways * 25;

    public IEnumerable<(string Topic, byte[] Payload, IReadOnlyList<KeyValuePair<string, string>> Properties)> ConsentStates()
    {
        for (var g = 0; g < gateways; g++)
        {
            // One retained state per data set, under that data set's pseudonym, as gateways send them.
            foreach (var (purpose, consent, granularity) in new[] { ("city-energy-planning", $"plan-{g}@1", "P1D"), ("peak-demand-study", $"peak-{g}@1", "PT1H") })
            {
                var pseudonym = Pseudonym(purpose, g);
                var state = new ConsentStateMessage(pseudonym, DateOnly.FromDateTime(Day.AddDays(-1).UtcDateTime), [Grant(consent, granularity, purpose)]);
                yield return (WireTopics.ConsentState(purpose, pseudonym), ConsentStatePayload.Write(state), UserProperties.Of(SchemaIds.ConsentState, $"state-{purpose}-{g}"));
            }
        }
    }

    public IEnumerable<(string Topic, byte[] Payload, IReadOnlyList<KeyValuePair<string, string>> Properties)> Data()
    {
        for (var g = 0; g < gateways; g++)
        {
            yield return Window(g, "city-energy-planning", $"plan-{g}@1", Day, "P1D", 8_000 + (g % 50 * 100));
            for (var hour = 0; hour < 24; hour++)
            {
                yield return Window(g, "peak-demand-study", $"peak-{g}@1", Day.AddHours(hour), "PT1H", 100 + (g % 7 * 100));
            }
        }
    }

    private static string Pseudonym(string purpose, int g) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}:{g}")).AsSpan(0, 8));

    private static (string, byte[], IReadOnlyList<KeyValuePair<string, string>>) Window(int g, string purpose, string consent, DateTimeOffset start, string aggregation, double value)
    {
        var pseudonym = Pseudonym(purpose, g);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{consent}:{start.ToUnixTimeSeconds()}")).AsSpan(0, 16));
        const string category = "elec.import.energy";
        return (WireTopics.Data(purpose, category, pseudonym),
            EnergyWindowPayload.Write(new EnergyWindowMessage(pseudonym, category, start, aggregation, value)),
            UserProperties.Of(SchemaIds.EnergyWindow, id, consent, purpose, aggregation));
    }

    private static ConsentStateGrant Grant(string consent, string granularity, string purpose) =>
        new(consent, "elec.import.energy", granularity, purpose, "https://w3id.org/dpv#ImprovePublicServices", Recipient, false, 100, 0, DateOnly.FromDateTime(Day.AddDays(-30).UtcDateTime), DateOnly.FromDateTime(Day.AddDays(335).UtcDateTime), "P24M");
}
