namespace Aizu.Hardware.Display;

/// <summary>A thread-safe <see cref="IDisplayState"/> the host writes to from the reading pipeline and its alert logic.</summary>
public sealed class DisplayState : IDisplayState
{
    private readonly Lock _gate = new();
    private Reading? _latestPower;
    private bool _alertActive;
    private string? _notice;

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

    /// <inheritdoc />
    public string? Notice
    {
        get
        {
            lock (_gate)
            {
                return _notice;
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

    /// <summary>Shows <paramref name="notice"/> on the device, or clears it with <see langword="null"/>.</summary>
    public void SetNotice(string? notice)
    {
        lock (_gate)
        {
            _notice = notice;
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
