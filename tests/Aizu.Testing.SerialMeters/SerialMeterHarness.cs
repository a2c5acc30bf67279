namespace Aizu.Testing.SerialMeters;

/// <summary>
/// A serial meter driver on Aizu.Hardware.Serial's loop against its simulated meter over a real pseudo-terminal.
/// A test project derives one per meter type: it starts the simulator and builds the driver.
/// </summary>
/// <typeparam name="TDriver">The meter's driver.</typeparam>
/// <typeparam name="TReadout">What the meter's parser makes of a frame.</typeparam>
/// <typeparam name="TErrorKind">The parser's reasons for refusing a frame.</typeparam>
public abstract class SerialMeterHarness<TDriver, TReadout, TErrorKind> : DriverUnderTest<TDriver>
    where TDriver : SerialMeterSource<TReadout, TErrorKind>
    where TErrorKind : struct, Enum
{
    private SimulatedPushMeter? _meter;

    /// <inheritdoc cref="DriverUnderTest{TDriver}(string)" />
    protected SerialMeterHarness(string prefix)
        : base(prefix)
    {
    }

    /// <summary>The simulated meter, with the faults of real cables and meters at hand.</summary>
    public SimulatedPushMeter Meter => _meter ?? throw new InvalidOperationException("The simulated meter has not started.");

    /// <summary>The driver's settings; a test may change them before <see cref="StartDriver"/>.</summary>
    public abstract SerialMeterOptions Options { get; }

    /// <summary>The running driver, once started.</summary>
    public TDriver? Driver { get; private set; }

    /// <summary>The running driver's counts.</summary>
    public SerialMeterStatistics<TErrorKind> Statistics =>
        (Driver ?? throw new InvalidOperationException("The driver has not started.")).Statistics;

    /// <summary>Starts the driver on the simulated meter's device.</summary>
    /// <param name="time">The driver's clock; the system clock when not given.</param>
    public void StartDriver(TimeProvider? time = null)
    {
        Driver = CreateDriver(time ?? TimeProvider.System);
        Run(Driver);
    }

    /// <summary>Takes the started simulator, for disposal and the faults.</summary>
    protected void Attach(SimulatedPushMeter meter) => _meter = meter;

    /// <summary>Builds the driver with <see cref="Options"/>, <paramref name="time"/> and the captured log.</summary>
    protected abstract TDriver CreateDriver(TimeProvider time);

    /// <inheritdoc />
    protected override ValueTask DisposeSimulatorAsync() => _meter?.DisposeAsync() ?? ValueTask.CompletedTask;
}
