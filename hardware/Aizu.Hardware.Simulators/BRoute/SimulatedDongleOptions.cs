namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>How a <see cref="SimulatedWiSunDongle"/> and the meter it finds on the air are set up.</summary>
public sealed record SimulatedDongleOptions
{
    /// <summary>Firmware family whose line layouts the dongle prints and whose command layouts it accepts.</summary>
    public SkstackDialect Dialect { get; init; } = SkstackDialect.Bp35A1;

    /// <summary>The ERXUDP data format stored in the dongle's flash when it is created. <c>WOPT 00/01</c> changes it,
    /// and the change survives an unplug, as flash does.</summary>
    public SkstackDataFormat DataFormat { get; init; } = SkstackDataFormat.HexAscii;

    /// <summary>The meter's B-route ID; SKJOIN succeeds only after SKSETRBID with this value. Its last 8 characters are
    /// the PairID that active scans report.</summary>
    public string RouteBId { get; init; } = "00112233445566778899AABBCCDDEEFF";

    /// <summary>The meter's B-route password; SKJOIN succeeds only after SKSETPWD with this value.</summary>
    public string Password { get; init; } = "0123456789AB";

    /// <summary>The meter's 64-bit MAC address (16 hexadecimal characters); its link-local IPv6 address is
    /// <see cref="SkstackAddress.LinkLocalFromMac"/> of it.</summary>
    public string MeterMac { get; init; } = "001D129012345678";

    /// <summary>The meter's channel (0x21–0x3C); SKJOIN needs <c>SKSREG S2</c> set to it.</summary>
    public byte Channel { get; init; } = 0x21;

    /// <summary>The meter's PAN ID; SKJOIN needs <c>SKSREG S3</c> set to it.</summary>
    public ushort PanId { get; init; } = 0x8888;

    /// <summary>The link quality the dongle reports for the meter's beacon (0xA8, about −58 dBm, by default).</summary>
    public byte Lqi { get; init; } = 0xA8;

    /// <summary>Whether the meter is in radio range; when false no scan ever finds it.</summary>
    public bool MeterInRange { get; init; } = true;

    /// <summary>
    /// When set, a symbolic link created at this path that points at the current pseudo-terminal slave, removed while
    /// the dongle is unplugged and re-pointed after it is plugged in again, like a udev <c>/dev/serial/by-id</c> link.
    /// When null, <see cref="SimulatedWiSunDongle.DevicePath"/> is the slave itself, which changes with every plug-in.
    /// </summary>
    public string? DevicePath { get; init; }

    /// <summary>Multiplies every simulated radio delay (scan, join, meter answer); 1 is real time, tests use about 0.05.</summary>
    public double LatencyScale { get; init; } = 1.0;

    /// <summary>Whether the dongle echoes commands after power-on, as real firmware does until <c>SKSREG SFE 0</c>.</summary>
    public bool EchoCommands { get; init; } = true;
}
