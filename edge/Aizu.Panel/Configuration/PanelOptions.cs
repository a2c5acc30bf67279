namespace Aizu.Panel;

/// <summary>Settings of the local web panel.</summary>
public sealed class PanelOptions
{
    /// <summary>The configuration section the composition root binds, <c>Aizu:Panel</c>.</summary>
    public const string SectionName = "Aizu:Panel";

    /// <summary>
    /// Read-only kiosk for a wall tablet: the live, today, history, climate and alert screens show without
    /// signing in; consents, what left the home and settings still need the password. Off unless chosen.
    /// </summary>
    public bool Kiosk { get; set; }

    /// <summary>How long a sign-in lasts without use (sliding). Default 30 days.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sign-in attempts allowed per client address per minute. Default 5.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 5;
}
