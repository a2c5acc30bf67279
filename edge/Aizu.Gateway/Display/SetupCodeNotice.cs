namespace Aizu.Gateway.Display;

/// <summary>
/// Shows the panel setup code on the device display while the panel is unclaimed: the screen is the one
/// place only someone in the home can read it. Cleared within <see cref="RecheckInterval"/> of the claim.
/// </summary>
internal sealed class SetupCodeNotice(PanelClaim claim, DisplayState display, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RecheckInterval, time);
        try
        {
            do
            {
                try
                {
                    display.SetNotice(await claim.PendingCodeAsync(stoppingToken).ConfigureAwait(false) is { } code ? $"Code {code}" : null);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The runner already said why on the console; the screen just shows nothing to type.
                    display.SetNotice(null);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is the normal end.
        }
    }
}
