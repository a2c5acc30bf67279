namespace Aizu.Hardware.Dsmr;

/// <summary>Checks <see cref="DsmrOptions"/> at start-up; each message names the key to fix.</summary>
public sealed class DsmrOptionsValidator() : SerialMeterOptionsValidator<DsmrOptions>(DsmrOptions.SectionName, "the P1 cable's serial device")
{
    /// <inheritdoc />
    protected override void ValidateMeter(DsmrOptions options, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);
        if (!Enum.IsDefined(options.Protocol))
        {
            failures.Add($"{Section}:Protocol must be one of {string.Join(", ", Enum.GetNames<DsmrProtocol>())} (got {(int)options.Protocol}).");
        }
        else if (options.SilenceTimeout > TimeSpan.Zero && options.SilenceTimeout <= DsmrLine.TelegramInterval(options.Protocol))
        {
            failures.Add($"{Section}:SilenceTimeout must be longer than the meter's telegram interval ({DsmrLine.TelegramInterval(options.Protocol)} for {options.Protocol}), got {options.SilenceTimeout}.");
        }
    }
}
