namespace Aizu.Wire;

/// <summary>A CAP <c>info</c> block: the event in one language.</summary>
public sealed record CapInfo
{
    /// <summary>The <c>language</c> (RFC 3066 tag); CAP's default <c>en-US</c> when absent.</summary>
    public required string Language { get; init; }

    /// <summary>The <c>category</c> values (at least one).</summary>
    public required IReadOnlyList<CapCategory> Categories { get; init; }

    /// <summary>The <c>event</c> text (short name of the event type).</summary>
    public required string Event { get; init; }

    /// <summary>The <c>responseType</c> values, as given.</summary>
    public IReadOnlyList<string> ResponseTypes { get; init; } = [];

    /// <summary>The <c>urgency</c>.</summary>
    public required CapUrgency Urgency { get; init; }

    /// <summary>The <c>severity</c>.</summary>
    public required CapSeverity Severity { get; init; }

    /// <summary>The <c>certainty</c>.</summary>
    public required CapCertainty Certainty { get; init; }

    /// <summary>The <c>audience</c>, if any.</summary>
    public string? Audience { get; init; }

    /// <summary>The <c>eventCode</c>s.</summary>
    public IReadOnlyList<CapNamedValue> EventCodes { get; init; } = [];

    /// <summary>The <c>effective</c> time, if any.</summary>
    public DateTimeOffset? Effective { get; init; }

    /// <summary>The <c>onset</c> time, if any.</summary>
    public DateTimeOffset? Onset { get; init; }

    /// <summary>The <c>expires</c> time, if any.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The <c>senderName</c> people read, if any.</summary>
    public string? SenderName { get; init; }

    /// <summary>The <c>headline</c>, if any.</summary>
    public string? Headline { get; init; }

    /// <summary>The <c>description</c>, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>instruction</c>, if any.</summary>
    public string? Instruction { get; init; }

    /// <summary>The <c>web</c> link (http or https only), if any.</summary>
    public Uri? Web { get; init; }

    /// <summary>The <c>contact</c>, if any.</summary>
    public string? Contact { get; init; }

    /// <summary>The <c>parameter</c>s (e.g. <c>JP-EvacLevel</c>, <c>JP-JAlertType</c>).</summary>
    public IReadOnlyList<CapNamedValue> Parameters { get; init; } = [];

    /// <summary>The <c>area</c>s. An info without areas applies to everyone who receives it.</summary>
    public IReadOnlyList<CapArea> Areas { get; init; } = [];

    /// <summary>The value of parameter <paramref name="name"/>, or null.</summary>
    public string? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.Value;
}
