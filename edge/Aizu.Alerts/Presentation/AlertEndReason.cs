namespace Aizu.Alerts;

/// <summary>Why an alert left the board.</summary>
public enum AlertEndReason
{
    /// <summary>An Update replaced it.</summary>
    Updated,

    /// <summary>A Cancel cleared it.</summary>
    Cancelled,

    /// <summary>Its expiry time passed.</summary>
    Expired,
}
