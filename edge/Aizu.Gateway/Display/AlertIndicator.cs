namespace Aizu.Gateway.Display;

/// <summary>
/// Lights the on-device display's alert indicator while a city alert is current for this household, and
/// clears it when the last one is cancelled or expires. The board raises <see cref="AlertBoard.Changed"/>
/// for new, updated, cancelled and expired alerts (the screen is redrawn at once, not at its next tick);
/// a re-check every <see cref="RecheckInterval"/> also follows changes of the household's settings, which
/// the board applies when it is read. Without the alert component this service does nothing.
/// </summary>
internal sealed class AlertIndicator(IServiceProvider services, DisplayState display, TimeProvider time, ILogger<AlertIndicator> logger) : BackgroundService
{
    /// <summary>How often the indicator is compared with the board besides the board's own change events.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(5);

    private readonly Lock sync = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<AlertBoard>() is not { } board)
        {
            return;
        }

        var screen = services.GetService<DeviceDisplay>();
        void OnChanged(object? sender, EventArgs e) => Update(board, screen);
        board.Changed += OnChanged;
        try
        {
            using var timer = new PeriodicTimer(RecheckInterval, time);
            do
            {
                Update(board, screen);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is the normal end.
        }
        finally
        {
            board.Changed -= OnChanged;
        }
    }

    private void Update(AlertBoard board, DeviceDisplay? screen)
    {
        bool changed;
        int count;
        lock (sync)
        {
            count = board.GetCurrent().Count;
            var active = count > 0;
            changed = display.AlertActive != active;
            if (changed)
            {
                display.SetAlert(active);
            }
        }

        if (!changed)
        {
            return;
        }

        if (count > 0)
        {
            GatewayDisplayLog.AlertIndicatorOn(logger, count);
        }
        else
        {
            GatewayDisplayLog.AlertIndicatorOff(logger);
        }

        // Draw now rather than at the display's next refresh tick.
        screen?.Refresh();
    }
}
