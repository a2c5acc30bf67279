namespace Aizu.Alerts;

/// <summary>One alert as the panel shows it, in the household's best language.</summary>
public sealed record AlertView
{
    /// <summary>Stable key for the panel (sender and identifier).</summary>
    public required string Id { get; init; }

    /// <summary>The CAP <c>identifier</c>.</summary>
    public required string Identifier { get; init; }

    /// <summary>The CAP <c>sender</c>.</summary>
    public required string Sender { get; init; }

    /// <summary>The CAP <c>msgType</c> (Alert or Update for current alerts).</summary>
    public required CapMessageType MessageType { get; init; }

    /// <summary>The CAP <c>status</c>.</summary>
    public required CapStatus Status { get; init; }

    /// <summary>The level shown, 1–5.</summary>
    public required int Level { get; init; }

    /// <summary>The level's colour band.</summary>
    public required ColourBand Colour { get; init; }

    /// <summary>The band's colour as <c>#RRGGBB</c>.</summary>
    public required string ColourHex { get; init; }

    /// <summary>Full-screen takeover: level 4 and above, or a J-Alert type.</summary>
    public required bool Takeover { get; init; }

    /// <summary>Whether the panel may sound its tone now (quiet hours hold it back unless <see cref="Takeover"/>).</summary>
    public required bool Audible { get; init; }

    /// <summary>The J-Alert type, when the alert relays one.</summary>
    public string? JAlertType { get; init; }

    /// <summary>True unless the CAP status is Actual: show <see cref="TestBanner"/> permanently.</summary>
    public required bool IsTest { get; init; }

    /// <summary>The banner text for drills and tests, or null for real alerts.</summary>
    public string? TestBanner { get; init; }

    /// <summary>The language of the texts below.</summary>
    public required string Language { get; init; }

    /// <summary>Languages the alert is available in.</summary>
    public required IReadOnlyList<string> AvailableLanguages { get; init; }

    /// <summary>The short event name.</summary>
    public required string Event { get; init; }

    /// <summary>The headline, if the city gave one.</summary>
    public string? Headline { get; init; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>What to do (shown prominently), if any.</summary>
    public string? Instruction { get; init; }

    /// <summary>The area descriptions, joined.</summary>
    public required string AreaDescription { get; init; }

    /// <summary>Whether the area was matched to the household's location or could not be compared.</summary>
    public required AreaMatch AreaMatch { get; init; }

    /// <summary>Who issued it (CAP <c>senderName</c>, else <c>sender</c>).</summary>
    public required string SenderName { get; init; }

    /// <summary>When it was issued (CAP <c>sent</c>).</summary>
    public required DateTimeOffset Issued { get; init; }

    /// <summary>When it stops being shown.</summary>
    public required DateTimeOffset Expires { get; init; }

    /// <summary>The link for more information (for a QR code), if any.</summary>
    public Uri? Web { get; init; }

    /// <summary>CAP severity of the shown info block.</summary>
    public required CapSeverity Severity { get; init; }

    /// <summary>CAP urgency of the shown info block.</summary>
    public required CapUrgency Urgency { get; init; }

    /// <summary>CAP certainty of the shown info block.</summary>
    public required CapCertainty Certainty { get; init; }

    /// <summary>CAP categories of the shown info block.</summary>
    public required IReadOnlyList<CapCategory> Categories { get; init; }

    /// <summary>The supplementary-channel notice in Japanese (always shown).</summary>
    public string NoticeJapanese { get; init; } = SupplementaryNotice.Japanese;

    /// <summary>The supplementary-channel notice in English (always shown).</summary>
    public string NoticeEnglish { get; init; } = SupplementaryNotice.English;
}
