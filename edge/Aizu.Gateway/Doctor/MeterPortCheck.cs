namespace Aizu.Gateway.Doctor;

/// <summary>
/// The meter's serial port as the driver will open it: present, openable by this user, and (for the B-route dongle)
/// answering SKVER and SKINFO. A port another process holds (the running gateway) is reported, not probed, so the
/// doctor never steals the driver's answers.
/// </summary>
internal static class MeterPortCheck
{
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(3);

    public static async Task<DoctorCheck> RunAsync(string name, string devicePath, bool askDongle, CancellationToken cancellationToken)
    {
        if (!File.Exists(devicePath))
        {
            return new DoctorCheck(name, DoctorOutcome.Fail, $"{devicePath} does not exist",
                "Plug the device in, then use its stable name under /dev/serial/by-id/ (ls -l /dev/serial/by-id) as DevicePath.");
        }

        if (Processes.OpenFileHolders.Of(devicePath) is { Count: > 0 } holders)
        {
            return new DoctorCheck(name, DoctorOutcome.Ok,
                $"{devicePath} is open in {string.Join(", ", holders)}; not probed while in use",
                "To probe the device itself, stop the gateway (systemctl stop aizu) and run 'aizu doctor' again.");
        }

        try
        {
            await using var port = SerialDevice.Open(devicePath, SerialSettings.Default);
            if (!askDongle)
            {
                return new DoctorCheck(name, DoctorOutcome.Ok, $"{devicePath} opens for reading and writing");
            }

            string? version = await AskAsync(port, "SKVER", "EVER ", cancellationToken);
            if (version is null)
            {
                return new DoctorCheck(name, DoctorOutcome.Fail, $"{devicePath} opens, but nothing answered SKVER within {AnswerLimit.TotalSeconds:0} s",
                    "Check that it is a Wi-SUN dongle with SKSTACK-IP firmware (BP35A1, BP35C0/C2, RL7023) and replug it.");
            }

            string? info = await AskAsync(port, "SKINFO", "EINFO ", cancellationToken);
            return new DoctorCheck(name, DoctorOutcome.Ok, info is null
                ? $"{devicePath}: dongle firmware {version} (no answer to SKINFO)"
                : $"{devicePath}: dongle firmware {version}, {info}");
        }
        catch (IOException exception)
        {
            return new DoctorCheck(name, DoctorOutcome.Fail, exception.Message,
                "The gateway's user needs the 'dialout' group (sudo usermod -aG dialout aizu) and the device must be a serial port.");
        }
    }

    // The answer line after the prefix, or null when none came in time. Other lines (an echo, OK) are passed over.
    private static async Task<string?> AskAsync(Stream port, string command, string prefix, CancellationToken cancellationToken)
    {
        await port.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(AnswerLimit);
        var text = new StringBuilder();
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                int n = await port.ReadAsync(buffer, limit.Token);
                text.Append(Encoding.ASCII.GetString(buffer, 0, n));
                foreach (var line in text.ToString().Split("\r\n"))
                {
                    if (line.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return line[prefix.Length..].Trim();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
