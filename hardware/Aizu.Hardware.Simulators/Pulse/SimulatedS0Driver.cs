namespace Aizu.Hardware.Simulators.Pulse;

/// <summary>The GPIO side of a <see cref="SimulatedS0Meter"/>: one input pin whose level and edges are the meter's.</summary>
internal sealed class SimulatedS0Driver : GpioDriver
{
    private readonly SimulatedS0Meter _meter;
    private readonly Lock _gate = new();
    private readonly List<(PinEventTypes Types, PinChangeEventHandler Handler)> _handlers = [];
    private PinMode _mode = PinMode.Input;
    private bool _open;

    public SimulatedS0Driver(SimulatedS0Meter meter)
    {
        _meter = meter;
        _meter.Edge += OnEdge;
    }

    protected override int PinCount => 28;

    protected override void OpenPin(int pinNumber)
    {
        CheckPin(pinNumber);
        if (_meter.TakeOpenFailure())
        {
            throw new IOException($"GPIO line {pinNumber} is busy (simulated).");
        }

        _open = true;
    }

    protected override void ClosePin(int pinNumber)
    {
        CheckPin(pinNumber);
        _open = false;
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        CheckPin(pinNumber);
        _mode = mode;
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        CheckPin(pinNumber);
        return _mode;
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        pinNumber == _meter.Pin && mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown;

    protected override PinValue Read(int pinNumber)
    {
        CheckPin(pinNumber);
        return _meter.High ? PinValue.High : PinValue.Low;
    }

    protected override void Write(int pinNumber, PinValue value) =>
        throw new InvalidOperationException("The S0 line is an input; the simulated meter drives it.");

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The simulated S0 line reports edges through callbacks only.");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        CheckPin(pinNumber);
        lock (_gate)
        {
            _handlers.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            _handlers.RemoveAll(h => h.Handler == callback);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _meter.Edge -= OnEdge;
        lock (_gate)
        {
            _handlers.Clear();
        }

        base.Dispose(disposing);
    }

    private void OnEdge(PinEventTypes edge)
    {
        if (!_open)
        {
            return;
        }

        (PinEventTypes Types, PinChangeEventHandler Handler)[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        var args = new PinValueChangedEventArgs(edge, _meter.Pin);
        foreach (var (types, handler) in handlers)
        {
            if ((types & edge) != 0)
            {
                handler(this, args);
            }
        }
    }

    private void CheckPin(int pinNumber)
    {
        if (pinNumber != _meter.Pin)
        {
            throw new ArgumentException($"Nothing is wired to GPIO {pinNumber}; the simulated S0 output is on {_meter.Pin}.", nameof(pinNumber));
        }
    }
}
