namespace Aizu.Wire;

/// <summary>CAP 1.2 <c>status</c>: whether a message is real. Anything but <see cref="Actual"/> gets a permanent test banner.</summary>
public enum CapStatus
{
    /// <summary>Actionable by all targeted recipients.</summary>
    Actual,

    /// <summary>Only for designated participants of an exercise (a drill, 訓練).</summary>
    Exercise,

    /// <summary>Internal functions of the alerting network.</summary>
    System,

    /// <summary>Technical testing only.</summary>
    Test,

    /// <summary>A preliminary template or draft.</summary>
    Draft,
}
