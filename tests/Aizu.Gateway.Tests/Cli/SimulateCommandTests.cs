namespace Aizu.Gateway.Tests.Cli;

/// <summary><c>aizu simulate …</c> as a tester runs it: its own process, a device path any program can open, Ctrl+C to stop.</summary>
public sealed class SimulateCommandTests
{
    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SimulateDsmr_SendsTelegramsWithAValidCrc_AndRemovesItsDeviceLinkOnStop()
    {
        using var directory = new TemporaryDirectory();
        string device = Path.Combine(directory.Path, "ttyP1");
        await using var simulator = await StartSimulatorAsync(directory, "dsmr", device);
        Assert.Contains(device, simulator.Output, StringComparison.Ordinal);

        byte[] telegram;
        await using (var port = SerialDevice.Open(device, SerialSettings.Default))
        {
            telegram = await NextTelegramAsync(port);
        }

        string text = Encoding.ASCII.GetString(telegram);
        int bang = text.LastIndexOf('!');
        ushort stated = ushort.Parse(text.AsSpan(bang + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.Equal(stated, DsmrCrc16.Compute(telegram.AsSpan(0, bang + 1)));
        Assert.Contains("1-0:1.8.1(", text, StringComparison.Ordinal);

        Assert.Equal(0, await simulator.StopAsync());
        Assert.False(File.Exists(device) || Directory.Exists(device), "the device link outlived the simulator");
    }

    [Fact]
    public async Task SimulateBRoute_AnswersSkverOnItsDevice_AndStopsWithExitCodeZero()
    {
        using var directory = new TemporaryDirectory();
        string device = Path.Combine(directory.Path, "ttyWiSUN");
        await using var simulator = await StartSimulatorAsync(directory, "broute", device);

        await using (var port = SerialDevice.Open(device, SerialSettings.Default))
        {
            await port.WriteAsync("SKVER\r\n"u8.ToArray());
            string answer = await ReadUntilAsync(port, "OK\r\n");
            Assert.Contains("EVER ", answer, StringComparison.Ordinal);
        }

        Assert.Equal(0, await simulator.StopAsync());
    }

    private static async Task<byte[]> NextTelegramAsync(Stream port)
    {
        using var cts = new CancellationTokenSource(ReadLimit);
        var received = new List<byte>();
        var buffer = new byte[1024];
        while (true)
        {
            int n = await port.ReadAsync(buffer, cts.Token);
            received.AddRange(buffer.AsSpan(0, n));
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(received.ToArray()));
            while (DsmrFramer.TryReadFrame(ref reader, out var frame))
            {
                // The first bytes may be the tail of a telegram sent before the port was opened.
                if (frame.Kind == SerialFrameKind.Frame)
                {
                    return frame.Bytes.ToArray();
                }
            }
        }
    }

    private static async Task<string> ReadUntilAsync(Stream port, string end)
    {
        using var cts = new CancellationTokenSource(ReadLimit);
        var text = new StringBuilder();
        var buffer = new byte[256];
        while (!text.ToString().Contains(end, StringComparison.Ordinal))
        {
            int n = await port.ReadAsync(buffer, cts.Token);
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        return text.ToString();
    }

    /// <summary><c>aizu simulate KIND --device DEVICE</c> in its own process, once it says how to stop it.</summary>
    private static async Task<GatewayProcess> StartSimulatorAsync(TemporaryDirectory directory, string kind, string device)
    {
        var simulator = GatewayProcess.Start(directory.Path, "simulate", kind, "--device", device);
        try
        {
            await simulator.WaitForOutputAsync("Ctrl+C stops");
            return simulator;
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }
}
