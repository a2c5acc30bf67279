namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>
/// A network namespace of the test's own for the gateway, joined to this machine by two veth pairs: the uplink (the
/// gateway's way to the city's broker, which the faults act on) and the household's LAN (the panel's, which stays up
/// so the test can read the panel through every fault). The kernel here has no netem, so faults are made with what it
/// has: random loss and a blackhole with nftables rules inside the namespace (dropped silently, no reset, so TCP
/// stalls), and a partition by taking the uplink's far end down (the gateway's interface loses its carrier).
/// Everything lives in the namespace and goes with it; namespaces left by an earlier run that was killed are removed
/// first. Needs root (CI has it).
/// </summary>
internal sealed partial class GatewayNetwork : IAsyncDisposable
{
    private const string Prefix = "aizu-np-";
    private const string Table = "aizu_fault";
    private const string UplinkInside = "wan0";
    private const string LanInside = "lan0";

    private readonly string uplinkOutside;
    private readonly string lanOutside;
    private readonly string lanHostAddress;

    private GatewayNetwork(string name, int slot)
    {
        Name = name;
        // Two /30 subnets per test process, from its process id, so that runs side by side (CI and a developer's) differ.
        var (high, low) = (slot / 64, slot % 64 * 4);
        BrokerAddress = $"10.231.{high}.{low + 1}";
        GatewayUplinkAddress = $"10.231.{high}.{low + 2}";
        lanHostAddress = $"10.232.{high}.{low + 1}";
        PanelAddress = $"10.232.{high}.{low + 2}";
        uplinkOutside = $"az{slot}w";
        lanOutside = $"az{slot}l";
    }

    /// <summary>The namespace's name.</summary>
    public string Name { get; }

    /// <summary>This machine's end of the uplink: where the broker listens for the gateway.</summary>
    public string BrokerAddress { get; }

    /// <summary>The gateway's end of the uplink.</summary>
    public string GatewayUplinkAddress { get; }

    /// <summary>The gateway's address on the household LAN, where its panel listens.</summary>
    public string PanelAddress { get; }

    /// <summary>The command that runs a program inside the namespace.</summary>
    public IReadOnlyList<string> Launcher => ["ip", "netns", "exec", Name];

    /// <summary>Creates the namespace and its two links, after removing those an earlier, killed run left.</summary>
    public static async Task<GatewayNetwork> CreateAsync()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            throw new InvalidOperationException("The network tests make a network namespace and so must run as root (CI does: bash .ci/run).");
        }

        await RemoveStaleAsync();
        var pid = Environment.ProcessId;
        var network = new GatewayNetwork(Prefix + pid.ToString(CultureInfo.InvariantCulture), pid % 16384);
        try
        {
            await network.SetUpAsync();
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }

        return network;
    }

    /// <summary>Drops <paramref name="percent"/> % of the uplink's packets at random, each way.</summary>
    public Task LoseAsync(int percent) => FilterAsync($"numgen random mod 100 < {percent.ToString(CultureInfo.InvariantCulture)} counter name \"dropped\" drop");

    /// <summary>Drops every packet of the uplink, both ways, without a word: the connection stalls, nobody is told.</summary>
    public Task BlackholeAsync() => FilterAsync("counter name \"dropped\" drop");

    /// <summary>Lets every packet of the uplink through again (the link's state is left as it is).</summary>
    public Task ClearFilterAsync() => FilterAsync(null);

    /// <summary>Takes the uplink's far end down: the gateway's interface has no carrier, nothing passes.</summary>
    public Task PartitionAsync() => IpAsync("link", "set", uplinkOutside, "down");

    /// <summary>Brings the uplink's far end back up.</summary>
    public Task RejoinAsync() => IpAsync("link", "set", uplinkOutside, "up");

    /// <summary>Packets the filter dropped and let through (both ways together) since the namespace was made.</summary>
    public async Task<(long Dropped, long Passed)> PacketsAsync() => (await CounterAsync("dropped"), await CounterAsync("passed"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await DeleteAsync(Name);

    private async Task SetUpAsync()
    {
        await IpAsync("netns", "add", Name);
        await LinkAsync(uplinkOutside, UplinkInside, BrokerAddress, GatewayUplinkAddress);
        await LinkAsync(lanOutside, LanInside, lanHostAddress, PanelAddress);
        await InsideAsync("ip", "link", "set", "lo", "up");
        // Named counters outlive the rules that count into them, so the figures cover every fault of the test.
        await NftAsync($$"""
            table inet {{Table}} {
              counter dropped { }
              counter passed { }
              chain uplink_in { type filter hook input priority filter; policy accept; }
              chain uplink_out { type filter hook output priority filter; policy accept; }
            }
            """);
    }

    private async Task LinkAsync(string outside, string inside, string outsideAddress, string insideAddress)
    {
        await IpAsync("link", "add", outside, "type", "veth", "peer", "name", inside, "netns", Name);
        await IpAsync("addr", "add", outsideAddress + "/30", "dev", outside);
        await IpAsync("link", "set", outside, "up");
        await InsideAsync("ip", "addr", "add", insideAddress + "/30", "dev", inside);
        await InsideAsync("ip", "link", "set", inside, "up");
    }

    private async Task FilterAsync(string? drop)
    {
        var script = new System.Text.StringBuilder();
        foreach (var (chain, direction) in new[] { ("uplink_in", "iifname"), ("uplink_out", "oifname") })
        {
            script.AppendLine(CultureInfo.InvariantCulture, $"flush chain inet {Table} {chain}");
            if (drop is not null)
            {
                script.AppendLine(CultureInfo.InvariantCulture, $"add rule inet {Table} {chain} {direction} \"{UplinkInside}\" {drop}");
            }

            script.AppendLine(CultureInfo.InvariantCulture, $"add rule inet {Table} {chain} {direction} \"{UplinkInside}\" counter name \"passed\"");
        }

        // One script, applied atomically: no packet sees half a change.
        await NftAsync(script.ToString());
    }

    private async Task<long> CounterAsync(string counter)
    {
        var listed = await InsideAsync("nft", "list", "counter", "inet", Table, counter);
        return long.Parse(CounterPackets().Match(listed).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private Task<string> NftAsync(string script) => RootCommand.RunAsync("ip", ["netns", "exec", Name, "nft", "-f", "-"], script);

    private Task<string> InsideAsync(params string[] command) => RootCommand.RunAsync("ip", ["netns", "exec", Name, .. command]);

    private static Task<string> IpAsync(params string[] arguments) => RootCommand.RunAsync("ip", arguments);

    /// <summary>
    /// Namespaces of this harness whose test process is gone (killed before its clean-up), and one left under this
    /// process's own id by an earlier process that had it, with what still runs in them.
    /// </summary>
    private static async Task RemoveStaleAsync()
    {
        var own = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (Match match in StaleName().Matches(await IpAsync("netns", "list")))
        {
            if (match.Groups[1].Value == own || !Directory.Exists($"/proc/{match.Groups[1].Value}"))
            {
                await DeleteAsync(match.Value);
            }
        }
    }

    private static async Task DeleteAsync(string name)
    {
        // A gateway left running inside would keep the namespace, and its links, alive after the name is gone.
        foreach (var pid in (await IpAsync("netns", "pids", name)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                await RootCommand.RunAsync("kill", ["-KILL", pid]);
            }
            catch (InvalidOperationException)
            {
                // It ended by itself meanwhile.
            }
        }

        // Deleting the namespace deletes the veth ends inside it, and with them their peers out here.
        await IpAsync("netns", "delete", name);
    }

    [GeneratedRegex(@"packets (\d+)")]
    private static partial Regex CounterPackets();

    [GeneratedRegex(@"^aizu-np-(\d+)\b", RegexOptions.Multiline)]
    private static partial Regex StaleName();
}
