namespace Aizu.Hardware.Sml;

/// <summary>Checks <see cref="SmlOptions"/> at start-up; each message names the key to fix.</summary>
public sealed class SmlOptionsValidator() : SerialMeterOptionsValidator<SmlOptions>(SmlOptions.SectionName, "the IR read head's serial device")
{
    private static readonly int[] BaudRates = [300, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

    /// <inheritdoc />
    protected override void ValidateMeter(SmlOptions options, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);
        if (!BaudRates.Contains(options.BaudRate))
        {
            failures.Add($"{Section}:BaudRate must be one of {string.Join(", ", BaudRates)} (SML meters use 9600), got {options.BaudRate}.");
        }
    }
}
