namespace Aizu.Gateway.Doctor;

/// <summary>
/// A push meter (DSMR P1, SML) listened to with the gateway's own driver for a short while: do frames arrive, and how
/// many fail their checksum. A line that loses bytes (a long or unshielded cable, a loose plug) shows up here as a
/// CRC error rate long before it shows up as gaps in the history.
/// </summary>
internal static class SerialMeterSampleCheck
{
    // Enough frames to tell a rate; a DSMR 4 meter (one telegram per 10 s) reaches the time limit first.
    private const int FramesWanted = 10;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task<DoctorCheck> RunAsync<TReadout, TErrorKind>(
        string name, string frameName, SerialMeterSource<TReadout, TErrorKind> source, TErrorKind checksumKind, TimeProvider time, CancellationToken cancellationToken)
        where TErrorKind : struct, Enum
    {
        var readings = Channel.CreateUnbounded<Reading>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listening = source.RunAsync(readings.Writer, stop.Token);
        var statistics = source.Statistics;
        var started = time.GetUtcNow();
        while (statistics.FramesAccepted + statistics.FramesRejected < FramesWanted && time.GetUtcNow() - started < Limit && !listening.IsCompleted)
        {
            await Task.Delay(Poll, time, cancellationToken);
        }

        await stop.CancelAsync();
        await listening;
        while (readings.Reader.TryRead(out _))
        {
            // The sample's readings are not stored: the doctor changes nothing.
        }

        long accepted = statistics.FramesAccepted, rejected = statistics.FramesRejected, crc = statistics.Rejected(checksumKind);
        long frames = accepted + rejected;
        var seconds = (time.GetUtcNow() - started).TotalSeconds;
        if (frames == 0)
        {
            return statistics.FramesDiscarded > 0
                ? new DoctorCheck(name, DoctorOutcome.Fail, string.Create(CultureInfo.InvariantCulture, $"bytes arrive but no {frameName} in {seconds:0} s ({statistics.LastRejection})"),
                    "The line settings do not match the meter: check the Protocol setting (DSMR 2.2 is 9600 7E1, later versions 115200 8N1) or the read head's baud rate.")
                : new DoctorCheck(name, DoctorOutcome.Fail, string.Create(CultureInfo.InvariantCulture, $"nothing arrived in {seconds:0} s"),
                    "Check the cable and that the meter's port is enabled (for P1: the data-request line must be powered; some meters need the port unlocked by the grid operator).");
        }

        double rate = (double)rejected / frames;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{frames} {frameName}s in {seconds:0} s: {accepted} good, {crc} with a CRC error, {rejected - crc} refused otherwise ({rate * 100:0}% lost)");
        return rate switch
        {
            0 => new DoctorCheck(name, DoctorOutcome.Ok, text),
            < 0.2 => new DoctorCheck(name, DoctorOutcome.Warning, text,
                "Some frames arrive damaged: use a shorter or shielded cable, reseat the plug, keep it away from mains wiring."),
            _ => new DoctorCheck(name, DoctorOutcome.Fail, text,
                "Most frames arrive damaged: replace the cable (a P1 cable with an FTDI chip and short lead is reliable) and check the plug."),
        };
    }
}
