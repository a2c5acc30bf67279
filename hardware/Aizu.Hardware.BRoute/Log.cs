namespace Aizu.Hardware.BRoute;

internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Wi-SUN dongle on {Device} ready, firmware {Version}")]
    public static partial void DongleReady(ILogger logger, string device, string version);

    [LoggerMessage(6002, LogLevel.Warning, "Wi-SUN dongle at {Device} unavailable: {Reason} Retrying.")]
    public static partial void DongleUnavailable(ILogger logger, string device, string reason);

    [LoggerMessage(6003, LogLevel.Warning, "Wi-SUN dongle fault: {Reason} Reopening the dongle.")]
    public static partial void DongleFault(ILogger logger, string reason);

    [LoggerMessage(6004, LogLevel.Information, "Scanning for the smart meter (duration {Duration}); this can take a few minutes")]
    public static partial void Scanning(ILogger logger, int duration);

    [LoggerMessage(6005, LogLevel.Information, "Found the smart meter's PAN: channel 0x{Channel:X2}, PAN id 0x{PanId:X4}, meter {Mac}, LQI {Lqi}")]
    public static partial void PanFound(ILogger logger, byte channel, ushort panId, string mac, byte lqi);

    [LoggerMessage(6006, LogLevel.Warning, "No smart meter answered the scan: check the B-route ID and that the dongle is within range of the meter")]
    public static partial void NoMeterFound(ILogger logger);

    [LoggerMessage(6007, LogLevel.Information, "Joining the remembered PAN: channel 0x{Channel:X2}, PAN id 0x{PanId:X4}, meter {Mac}")]
    public static partial void UsingRememberedPan(ILogger logger, byte channel, ushort panId, string mac);

    [LoggerMessage(6008, LogLevel.Warning, "PANA authentication with meter {Mac} failed (remembered PAN: {Cached}); check the B-route ID and password")]
    public static partial void JoinFailed(ILogger logger, string mac, bool cached);

    [LoggerMessage(6009, LogLevel.Information, "Connected to smart meter {Mac}")]
    public static partial void Joined(ILogger logger, string mac);

    [LoggerMessage(6010, LogLevel.Warning, "Meter session lost: {Reason}. Joining again.")]
    public static partial void SessionLost(ILogger logger, string reason);

    [LoggerMessage(6011, LogLevel.Information, "PANA session lifetime expired (EVENT 29); the dongle is re-authenticating")]
    public static partial void SessionExpired(ILogger logger);

    [LoggerMessage(6012, LogLevel.Information, "Re-authenticated with the meter")]
    public static partial void Reauthenticated(ILogger logger);

    [LoggerMessage(6013, LogLevel.Warning, "The meter did not answer within {Seconds} s ({Missed} of {Limit} in a row)")]
    public static partial void MeterSilent(ILogger logger, double seconds, int missed, int limit);

    [LoggerMessage(6014, LogLevel.Warning, "Ignored a line the dongle sent that is not SKSTACK-IP: \"{Line}\" ({Reason})")]
    public static partial void UnrecognizedLine(ILogger logger, string line, string reason);

    [LoggerMessage(6015, LogLevel.Warning, "Ignored a malformed ECHONET Lite frame of {Length} bytes from the meter")]
    public static partial void MalformedFrame(ILogger logger, int length);

    [LoggerMessage(6016, LogLevel.Warning, "The meter's answer was invalid: {Reason}")]
    public static partial void MeterAnswerInvalid(ILogger logger, string reason);

    [LoggerMessage(6017, LogLevel.Warning, "The dongle reached the ARIB transmission time limit; requests pause until it is lifted")]
    public static partial void TransmissionLimit(ILogger logger);

    [LoggerMessage(6018, LogLevel.Warning, "The system clock is not set and the meter did not send its clock; the value is dropped rather than stamped wrongly")]
    public static partial void NoTrustedClock(ILogger logger);

    [LoggerMessage(6019, LogLevel.Information, "Energy register: unit {Unit} kWh, coefficient {Coefficient}, {Digits} effective digits")]
    public static partial void RegisterRead(ILogger logger, decimal unit, uint coefficient, int digits);

    [LoggerMessage(6020, LogLevel.Warning, "Remembered PAN file {Path} is unreadable ({Reason}); the meter will be scanned for again")]
    public static partial void PanCacheUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(6021, LogLevel.Warning, "Could not remember the meter's PAN ({Reason}); the next start will scan again")]
    public static partial void PanNotRemembered(ILogger logger, string reason);

    [LoggerMessage(6022, LogLevel.Warning, "Meter property 0x{Epc:X2} skipped, the rest of the answer is stored: {Reason} (said once per property; later ones are logged at debug level)")]
    public static partial void PropertySkipped(ILogger logger, byte epc, string reason);

    [LoggerMessage(6023, LogLevel.Debug, "Meter property 0x{Epc:X2} skipped again: {Reason}")]
    public static partial void PropertySkippedAgain(ILogger logger, byte epc, string reason);
}
