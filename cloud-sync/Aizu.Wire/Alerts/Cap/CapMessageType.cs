namespace Aizu.Wire;

/// <summary>CAP 1.2 <c>msgType</c>.</summary>
public enum CapMessageType
{
    /// <summary>Initial information requiring attention.</summary>
    Alert,

    /// <summary>Updates and supersedes the messages named in <c>references</c>.</summary>
    Update,

    /// <summary>Cancels the messages named in <c>references</c>.</summary>
    Cancel,

    /// <summary>Acknowledges receipt (not shown on a household panel).</summary>
    Ack,

    /// <summary>Reports an error in a referenced message (not shown on a household panel).</summary>
    Error,
}
