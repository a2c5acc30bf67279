namespace Aizu.Panel;

/// <summary>Settings of the local web panel.</summary>
public sealed class PanelOptions
{
    /// <summary>The configuration section the composition root binds, <c>Aizu:Panel</c>.</summary>
    public const string SectionName = "Aizu:Panel";

    /// <summary>
    /// IANA time zone whose midnight starts "today", for example <c>Asia/Tokyo</c>. When unset, the
    /// gateway's own local time zone is used.
    /// </summary>
    public string? TimeZone { get; set; }
}
