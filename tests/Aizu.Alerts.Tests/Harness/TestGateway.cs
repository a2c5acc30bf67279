namespace Aizu.Alerts.Tests;

/// <summary>
/// A gateway's alert component wired as the host wires it, on a <see cref="FakeTimeProvider"/> and a
/// temporary state directory; <see cref="Restart"/> gives a fresh one with the same state and clock.
/// </summary>
internal sealed class TestGateway : IDisposable
{
    /// <summary>06:00 JST on the day of the example alerts.</summary>
    public static readonly DateTimeOffset Morning = new(2026, 7, 10, 6, 0, 0, TimeSpan.FromHours(9));

    private readonly string directory;
    private readonly bool ownsDirectory;

    public TestGateway(string cityPublicPem, AlertPreferences? household = null, FakeTimeProvider? time = null, string? directory = null)
    {
        ownsDirectory = directory is null;
        this.directory = directory ?? Directory.CreateTempSubdirectory("aizu-alerts-").FullName;
        Time = time ?? new FakeTimeProvider(Morning);
        Options = new AlertOptions
        {
            CityKeyPem = cityPublicPem,
            KeyStateFile = Path.Combine(this.directory, "alert-keys.json"),
            Household = household ?? Kitaaizu(),
        };
        Monitor = new TestOptionsMonitor<AlertOptions>(Options);
        Keys = new CityKeyRing(Microsoft.Extensions.Options.Options.Create(Options), new FileKeyRingStore(Options.KeyStateFile), Time, new CapturingLogger<CityKeyRing>());
        Board = new AlertBoard(Monitor, Time, new Aizu.Household.HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")), new CapturingLogger<AlertBoard>());
        Inbox = new AlertInbox(Keys, Board, Statistics, Monitor, Time, Logger);
    }

    public FakeTimeProvider Time { get; }

    public AlertOptions Options { get; }

    public TestOptionsMonitor<AlertOptions> Monitor { get; }

    public CityKeyRing Keys { get; }

    public AlertBoard Board { get; }

    public AlertStatistics Statistics { get; } = new();

    public CapturingLogger<AlertInbox> Logger { get; } = new();

    public AlertInbox Inbox { get; }

    public string StateDirectory => directory;

    /// <summary>A household in Kitaaizu: a point inside the example polygon and the district's geocodes.</summary>
    public static AlertPreferences Kitaaizu()
    {
        var household = new AlertPreferences { Latitude = 37.49, Longitude = 139.86, DistrictName = "北会津" };
        household.Geocodes.Add(new GeocodeSetting { Name = CapParameterNames.Municipality, Value = "07202" });
        household.Geocodes.Add(new GeocodeSetting { Name = CapParameterNames.District, Value = "07202-kitaaizu" });
        return household;
    }

    /// <summary>A household near Tsuruga Castle, in the city centre: same city, another district.</summary>
    public static AlertPreferences CityCentre()
    {
        var household = new AlertPreferences { Latitude = 37.4877, Longitude = 139.9297, DistrictName = "鶴ヶ城周辺" };
        household.Geocodes.Add(new GeocodeSetting { Name = CapParameterNames.Municipality, Value = "07202" });
        household.Geocodes.Add(new GeocodeSetting { Name = CapParameterNames.District, Value = "07202-tsuruga" });
        return household;
    }

    public Task<AlertReceipt> ReceiveAsync(byte[] payload, bool retained = false) =>
        Inbox.ReceiveAsync(payload, new AlertDelivery(WireTopics.CityAlerts, retained, null), CancellationToken.None);

    /// <summary>A new gateway process: same configuration, state directory and clock; nothing in memory.</summary>
    public TestGateway Restart() => new(Options.CityKeyPem, Options.Household, Time, directory);

    public void Dispose()
    {
        Board.Dispose();
        Keys.Dispose();
        if (ownsDirectory)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
