using Aizu.Readings;

namespace Aizu.Hardware.Display;

/// <summary>A thread-safe <see cref="IDisplayState"/> the host writes to from the reading pipeline and its alert logic.</summary>
public sealed class DisplayState : IDisplayState
{
    private readonly Lock _gate = new();
    private Reading? _latestPower;
    private bool _alertActive;

    /// <inheritdoc />
    public Reading? LatestPower
    {
        get
        {
            lock (_gate)
            {
                return _latestPower;
            }
        }
    }

    /// <inheritdoc />
    public bool AlertActive
    {
        get
        {
            lock (_gate)
            {
                return _alertActive;
            }
        }
    }

    /// <summary>Takes <paramref name="reading"/> if it is a power reading newer than the one held; others are ignored.</summary>
    public void Offer(Reading reading)
    {
        if (reading.Series != SeriesNames.ElectricPower)
        {
            return;
        }

        lock (_gate)
        {
            if (_latestPower is not { } held || reading.Timestamp >= held.Timestamp)
            {
                _latestPower = reading;
            }
        }
    }

    /// <summary>Raises or clears the alert indicator.</summary>
    public void SetAlert(bool active)
    {
        lock (_gate)
        {
            _alertActive = active;
        }
    }
}
