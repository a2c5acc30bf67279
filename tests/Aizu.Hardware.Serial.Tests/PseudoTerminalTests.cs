namespace Aizu.Hardware.Serial.Tests;

public sealed class PseudoTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task BytesWrittenOnEitherSide_ArriveUnchangedOnTheOther()
    {
        using var pty = PseudoTerminal.Open();
        await using var device = SerialDevice.Open(pty.SlavePath, SerialSettings.Default);
        byte[] binary = [0x10, 0x81, 0x0D, 0x0A, 0x00, 0xFF, 0x1B, 0x03, 0x7F];

        await device.WriteAsync(Encoding.ASCII.GetBytes("SKVER\r\n"));
        Assert.Equal("SKVER\r\n", Encoding.ASCII.GetString(await ReadExactlyAsync(pty.Master, 7)));

        await pty.Master.WriteAsync(binary);
        Assert.Equal(binary, await ReadExactlyAsync(device, binary.Length));
    }

    [Fact]
    public async Task ReadAsync_WithNothingToRead_HonoursCancellation()
    {
        using var pty = PseudoTerminal.Open();
        await using var device = SerialDevice.Open(pty.SlavePath, SerialSettings.Default);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => _ = await device.ReadAsync(new byte[16], cts.Token));

        // The stream stays usable after a cancelled read.
        await pty.Master.WriteAsync("OK\r\n"u8.ToArray());
        Assert.Equal("OK\r\n"u8.ToArray(), await ReadExactlyAsync(device, 4));
    }

    [Fact]
    public async Task DisposingTheStream_EndsAReadThatIsWaitingForData()
    {
        using var pty = PseudoTerminal.Open();
        var device = SerialDevice.Open(pty.SlavePath, SerialSettings.Default);
        var pending = device.ReadAsync(new byte[16]).AsTask();
        Assert.False(pending.IsCompleted);

        await device.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending.WaitAsync(Timeout));
    }

    [Fact]
    public async Task ManyShortWaits_EachSeeTheDataThatArrives()
    {
        using var pty = PseudoTerminal.Open();
        await using var device = SerialDevice.Open(pty.SlavePath, SerialSettings.Default);
        for (int i = 0; i < 200; i++)
        {
            var read = ReadExactlyAsync(device, 2);
            await pty.Master.WriteAsync(new byte[] { (byte)i, 0x0A });
            Assert.Equal(new byte[] { (byte)i, 0x0A }, await read.WaitAsync(Timeout));
        }
    }

    [Fact]
    public async Task ClosingTheMaster_MakesDeviceReadsFailWithAClearMessage()
    {
        var pty = PseudoTerminal.Open();
        await using var device = SerialDevice.Open(pty.SlavePath, SerialSettings.Default);
        var pending = device.ReadAsync(new byte[16]).AsTask();

        pty.Dispose();

        var error = await Assert.ThrowsAsync<IOException>(() => pending.WaitAsync(Timeout));
        Assert.Contains("disconnected", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<IOException>(async () => await device.WriteAsync("SKVER\r\n"u8.ToArray()).AsTask().WaitAsync(Timeout));
    }

    [Fact]
    public async Task Master_KeepsWaitingWhileNoDeviceIsOpen_AndReadsTheNextOne()
    {
        using var pty = PseudoTerminal.Open();
        var first = SerialDevice.Open(pty.SlavePath, SerialSettings.Default);
        await first.DisposeAsync();

        var read = ReadExactlyAsync(pty.Master, 3);
        await using var second = SerialDevice.Open(pty.SlavePath, SerialSettings.Default);
        await second.WriteAsync("abc"u8.ToArray());

        Assert.Equal("abc"u8.ToArray(), await read.WaitAsync(Timeout));
    }

    [Fact]
    public void Open_MissingDevice_SaysWhatIsWrong()
    {
        var error = Assert.Throws<IOException>(() => SerialDevice.Open("/dev/does-not-exist-aizu", SerialSettings.Default));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RegularFile_IsRejectedAsNotASerialDevice()
    {
        string path = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<IOException>(() => SerialDevice.Open(path, SerialSettings.Default));
            Assert.Contains("not a serial device", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(9600, 7, SerialParity.Even)]
    [InlineData(115200, 8, SerialParity.None)]
    public async Task Open_AcceptsTheLineSettingsMetersUse(int baud, int dataBits, SerialParity parity)
    {
        using var pty = PseudoTerminal.Open();
        await using var device = SerialDevice.Open(pty.SlavePath, new SerialSettings(baud, dataBits, parity));
        await pty.Master.WriteAsync("/ISK5\r\n"u8.ToArray());
        Assert.Equal("/ISK5\r\n"u8.ToArray(), await ReadExactlyAsync(device, 7));
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        using var cts = new CancellationTokenSource(Timeout);
        await stream.ReadExactlyAsync(buffer, cts.Token);
        return buffer;
    }
}
