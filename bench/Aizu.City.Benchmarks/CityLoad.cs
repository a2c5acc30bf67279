using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aizu.Wire;

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
            var id = Gateway(g);
            var state = new ConsentStateMessage(id, DateOnly.FromDateTime(Day.AddDays(-1).UtcDateTime),
            [
                Grant($"plan-{g}@1", "P1D", "city-energy-planning"),
                Grant($"peak-{g}@1", "PT1H", "peak-demand-study"),
            ]);
            yield return (WireTopics.ConsentState(id), ConsentStatePayload.Write(state), UserProperties.Of(SchemaIds.ConsentState, $"state-{g}"));
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

    private static string Gateway(int g) => string.Create(CultureInfo.InvariantCulture, $"gw-{g:D6}");

    private static (string, byte[], IReadOnlyList<KeyValuePair<string, string>>) Window(int g, string purpose, string consent, DateTimeOffset start, string aggregation, double value)
    {
        var pseudonym = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}:{g}")).AsSpan(0, 8));
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{consent}:{start.ToUnixTimeSeconds()}")).AsSpan(0, 16));
        const string category = "elec.import.energy";
        return (WireTopics.Data(purpose, category, pseudonym),
            EnergyWindowPayload.Write(new EnergyWindowMessage(pseudonym, category, start, aggregation, value)),
            UserProperties.Of(SchemaIds.EnergyWindow, id, consent, purpose, aggregation));
    }

    private static ConsentStateGrant Grant(string consent, string granularity, string purpose) =>
        new(consent, "elec.import.energy", granularity, purpose, "https://w3id.org/dpv#ImprovePublicServices", Recipient, false, 100, 0, DateOnly.FromDateTime(Day.AddDays(-30).UtcDateTime), DateOnly.FromDateTime(Day.AddDays(335).UtcDateTime), "P24M");
}
