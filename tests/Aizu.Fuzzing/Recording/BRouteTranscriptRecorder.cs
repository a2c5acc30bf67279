using Microsoft.Extensions.Options;

namespace Aizu.Fuzzing;

/// <summary>
/// Records the dongle's side of one whole B-route session for the session target's seeds: the simulated Wi-SUN dongle
/// and meter (which speak the firmware's real line layouts on a pseudo-terminal) and the real driver, from the first
/// command until the driver has read power and both registers a few times. The file starts with the dialect byte
/// <see cref="BRouteSessionReplay"/> reads. With <c>faults</c>, the meter first refuses one PANA authentication and the
/// session expires twice while polling (once re-authenticated, once refused, so the driver joins again).
/// </summary>
internal static class BRouteTranscriptRecorder
{
    public static async Task RecordAsync(SkstackDialect dialect, SkstackDataFormat format, bool faults, string file, TextWriter log, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("aizu-broute-record-");
        try
        {
            var simulated = new SimulatedDongleOptions
            {
                Dialect = dialect,
                DataFormat = format,
                DevicePath = Path.Combine(directory.FullName, "ttyWiSUN"),
                RouteBId = BRouteSessionReplay.RouteBId,
                Password = BRouteSessionReplay.Password,
                LatencyScale = 0.05,
            };
            await using var dongle = await BRouteSimulation.StartAsync(simulated, TimeProvider.System, null, cancellationToken);
            var options = new BRouteOptions
            {
                DevicePath = dongle.DevicePath,
                Dialect = dialect,
                RouteBId = simulated.RouteBId,
                Password = simulated.Password,
                PowerInterval = TimeSpan.FromMilliseconds(200),
                EnergyInterval = TimeSpan.FromMilliseconds(200),
                CommandTimeout = TimeSpan.FromSeconds(2),
                ResponseTimeout = TimeSpan.FromSeconds(1),
                JoinTimeout = TimeSpan.FromSeconds(5),
                MaxRetryDelay = TimeSpan.FromSeconds(1),
            };
            if (faults)
            {
                dongle.FailNextJoins(1);
            }

            RecordingStream? recording = null;
            var driver = new BRouteDriver(Options.Create(options), new MemoryPanStore(), TimeProvider.System, NullLogger<BRouteDriver>.Instance,
                path => recording = new RecordingStream(SerialDevice.Open(path, SerialSettings.Default)));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(TimeSpan.FromSeconds(60));
            var output = Channel.CreateUnbounded<Reading>();
            var run = driver.RunAsync(output.Writer, stop.Token);
            int power = 0, import = 0;
            await foreach (var reading in output.Reader.ReadAllAsync(stop.Token))
            {
                power += reading.Series == SeriesNames.ElectricPower ? 1 : 0;
                import += reading.Series == SeriesNames.ElectricImportEnergy ? 1 : 0;
                if (faults && reading.Series == SeriesNames.ElectricPower && power is 2 or 5)
                {
                    // The second expiry's re-authentication is refused: the session ends and the driver joins again.
                    dongle.FailNextJoins(power == 5 ? 1 : 0);
                    dongle.ExpireSession();
                }

                if (power >= (faults ? 9 : 6) && import >= 3)
                {
                    break;
                }
            }

            var transcript = recording!.Transcript();
            await stop.CancelAsync();
            await run;
            await File.WriteAllBytesAsync(file, [(byte)(dialect == SkstackDialect.Bp35A1 ? 0 : 1), .. transcript], cancellationToken);
            await log.WriteLineAsync($"{file}: {transcript.Length} bytes ({dialect}, {format}); {power} power and {import} import readings; {dongle.JoinCount} joins.");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
