namespace Aizu.Hardware.Simulators.Display;

/// <summary>The GPIO side of a <see cref="SimulatedHd44780Gpio"/>: output lines whose levels, and the falling edges of E, reach the module.</summary>
internal sealed class SimulatedHd44780GpioDriver : GpioDriver
{
    private readonly SimulatedHd44780Gpio _module;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PinMode> _modes = [];

    public SimulatedHd44780GpioDriver(SimulatedHd44780Gpio module) => _module = module;

    protected override int PinCount => 28;

    protected override void OpenPin(int pinNumber)
    {
        CheckPin(pinNumber);
        if (_module.Unavailable)
        {
            throw new IOException($"Error 16 (Device or resource busy) requesting GPIO line {pinNumber} (simulated).");
        }

        lock (_gate)
        {
            _modes[pinNumber] = PinMode.Input;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            _modes.Remove(pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        CheckOpen(pinNumber);
        lock (_gate)
        {
            _modes[pinNumber] = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        CheckOpen(pinNumber);
        lock (_gate)
        {
            return _modes[pinNumber];
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        _module.IsWired(pinNumber) && mode is PinMode.Output or PinMode.Input;

    protected override PinValue Read(int pinNumber)
    {
        CheckOpen(pinNumber);
        return _module.Level(pinNumber) ? PinValue.High : PinValue.Low;
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        CheckOpen(pinNumber);
        lock (_gate)
        {
            if (_modes[pinNumber] != PinMode.Output)
            {
                throw new InvalidOperationException($"GPIO {pinNumber} is not an output.");
            }
        }

        _module.Drive(pinNumber, value == PinValue.High);
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The LCD's lines are outputs.");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("The LCD's lines are outputs.");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException("The LCD's lines are outputs.");

    private void CheckPin(int pinNumber)
    {
        if (!_module.IsWired(pinNumber))
        {
            throw new ArgumentException($"Nothing is wired to GPIO {pinNumber}; the simulated LCD uses RS {_module.RegisterSelectPin}, E {_module.EnablePin}, D4–D7 {string.Join(", ", _module.DataPins)}.", nameof(pinNumber));
        }
    }

    private void CheckOpen(int pinNumber)
    {
        lock (_gate)
        {
            if (!_modes.ContainsKey(pinNumber))
            {
                throw new InvalidOperationException($"GPIO {pinNumber} is not open.");
            }
        }
    }
}
