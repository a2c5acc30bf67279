namespace Aizu.Gateway.Tests.Logging;

/// <summary>
/// The log event ids of every product assembly the gateway ships, one range each, so an id in a log line
/// names the component that wrote it. A new assembly with <see cref="LoggerMessageAttribute"/> gets a
/// range here; a new message takes the next free id in its assembly's range.
/// </summary>
public sealed class LogEventIdTests
{
    private static readonly Dictionary<string, (int First, int Last)> Ranges = new(StringComparer.Ordinal)
    {
        ["Aizu.Storage"] = (1000, 1099),
        ["Aizu.Storage.Influx"] = (1100, 1199),
        ["Aizu.Ingest"] = (2000, 2099),
        ["Aizu.Panel"] = (3000, 3299),
        ["Aizu.Consent"] = (4000, 4099),
        ["Aizu.Egress"] = (4100, 4199),
        ["Aizu.Uplink"] = (5000, 5099),
        ["Aizu.Hardware.BRoute"] = (6000, 6099),
        ["Aizu.Hardware.Simulators"] = (6100, 6199),
        ["Aizu.Hardware.Dsmr"] = (6200, 6299),
        ["Aizu.Hardware.Sml"] = (6300, 6399),
        ["Aizu.Hardware.Pulse"] = (6400, 6499),
        ["Aizu.Hardware.Sensors"] = (6500, 6599),
        ["Aizu.Hardware.Display"] = (6600, 6699),
        ["Aizu.Hardware.Serial"] = (6700, 6799),
        ["Aizu.Alerts"] = (7000, 7099),
        // The city ingest: not part of the gateway, but in this output folder through aizu-city (CityTool).
        ["Aizu.City.Ingest"] = (8000, 8099),
        ["Aizu.City.Analysis"] = (8100, 8199),
        ["aizu"] = (9000, 9199),
    };

    [Fact]
    public void The_ranges_do_not_overlap()
    {
        var ordered = Ranges.OrderBy(r => r.Value.First).ToList();
        Assert.All(ordered, r => Assert.True(r.Value.First <= r.Value.Last, $"{r.Key}: {r.Value.First} > {r.Value.Last}"));
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(
                ordered[i - 1].Value.Last < ordered[i].Value.First,
                $"{ordered[i - 1].Key} ({ordered[i - 1].Value.First}–{ordered[i - 1].Value.Last}) overlaps {ordered[i].Key} ({ordered[i].Value.First}–{ordered[i].Value.Last})");
        }
    }

    [Fact]
    public void Every_log_message_has_a_unique_id_in_its_assemblys_range()
    {
        var messages = ProductAssemblies()
            .SelectMany(assembly => assembly.GetTypes().Select(type => (assembly, type)))
            .SelectMany(t => t.type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(method => (Assembly: t.assembly.GetName().Name!, Method: $"{t.type.Name}.{method.Name}", Attribute: method.GetCustomAttribute<LoggerMessageAttribute>())))
            .Where(m => m.Attribute is not null)
            .ToList();

        // The scan must see the messages it is meant to police, or it proves nothing.
        Assert.Contains(messages, m => m.Assembly == "Aizu.Storage");
        Assert.Contains(messages, m => m.Assembly == "aizu");
        Assert.True(messages.Count > 150, $"only {messages.Count} log messages found");

        var problems = new List<string>();
        foreach (var (assembly, method, attribute) in messages)
        {
            var id = attribute!.EventId;
            if (!Ranges.TryGetValue(assembly, out var range))
            {
                problems.Add($"{assembly} has log messages ({method}) but no event-id range: add one to {nameof(LogEventIdTests)}.");
            }
            else if (id < range.First || id > range.Last)
            {
                problems.Add($"{assembly} {method}: event id {id} is outside {range.First}–{range.Last}.");
            }
        }

        foreach (var clash in messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1))
        {
            problems.Add($"event id {clash.Key} is used by {string.Join(", ", clash.Select(m => $"{m.Assembly} {m.Method}"))}.");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_range_belongs_to_an_assembly_the_gateway_ships()
    {
        var shipped = ProductAssemblies().Select(a => a.GetName().Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(Ranges.Keys, name => Assert.True(shipped.Contains(name), $"{name} has a range but is not shipped; remove it from the table."));
    }

    // The gateway's output folder holds every product assembly it ships; the tests' own are left out.
    private static List<Assembly> ProductAssemblies() =>
        [.. Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name is "aizu" || (name!.StartsWith("Aizu.", StringComparison.Ordinal) && !name.EndsWith(".Tests", StringComparison.Ordinal)))
            .Select(name => Assembly.Load(name!))];
}
