namespace Aizu.Hardware.Skstack;

/// <summary>
/// The number printed after <c>EVENT</c> (two hexadecimal digits on the wire). The reader passes through numbers that
/// are not named here as plain casts, so a firmware with extra events does not break the driver.
/// </summary>
/// <remarks>
/// Numbers and meanings: "BP35A1コマンドリファレンス 4.8 EVENT" as transcribed in smdn/Smdn.Net.SkStackIP
/// (src/Smdn.Net.SkStackIP/Smdn.Net.SkStackIP/SkStackEventNumber.cs); 0x32/0x33 refer to the ARIB STD-T108
/// transmission-time limit.
/// </remarks>
public enum SkstackEventCode : byte
{
    /// <summary>A neighbour solicitation was received.</summary>
    NeighborSolicitation = 0x01,

    /// <summary>A neighbour advertisement was received.</summary>
    NeighborAdvertisement = 0x02,

    /// <summary>An ICMP echo request was received.</summary>
    EchoRequest = 0x05,

    /// <summary>An energy-detect scan (SKSCAN mode 0) finished; an EEDSCAN block follows.</summary>
    EnergyDetectScanCompleted = 0x1F,

    /// <summary>A beacon was received during an active scan; an EPANDESC block follows.</summary>
    BeaconReceived = 0x20,

    /// <summary>A UDP datagram left the dongle. Parameter 00 = success, 01 = failure, 02 = neighbour solicitation
    /// sent first (address resolution).</summary>
    UdpSendCompleted = 0x21,

    /// <summary>The active scan finished.</summary>
    ActiveScanCompleted = 0x22,

    /// <summary>PANA authentication (SKJOIN) failed.</summary>
    PanaFailed = 0x24,

    /// <summary>PANA authentication (SKJOIN) succeeded.</summary>
    PanaSucceeded = 0x25,

    /// <summary>The meter asked to end the PANA session.</summary>
    SessionTerminationRequested = 0x26,

    /// <summary>The PANA session ended.</summary>
    SessionTerminated = 0x27,

    /// <summary>The PANA termination request timed out; the session is considered closed.</summary>
    SessionTerminationTimedOut = 0x28,

    /// <summary>The PANA session lifetime expired; the dongle re-authenticates by itself.</summary>
    SessionExpired = 0x29,

    /// <summary>The ARIB STD-T108 transmission-time limit is in force: the dongle will not transmit for a while.</summary>
    TransmissionLimitOn = 0x32,

    /// <summary>The ARIB STD-T108 transmission-time limit was lifted.</summary>
    TransmissionLimitOff = 0x33,

    /// <summary>Wake-up signal after SKDSLEEP (undocumented; printed without sender on the BP35A1).</summary>
    WakeupSignalReceived = 0xC0,
}
