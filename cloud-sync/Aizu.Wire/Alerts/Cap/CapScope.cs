namespace Aizu.Wire;

/// <summary>CAP 1.2 <c>scope</c>: who may see the message.</summary>
public enum CapScope
{
    /// <summary>For general dissemination to unrestricted audiences.</summary>
    Public,

    /// <summary>For users with a known operational requirement (<c>restriction</c>).</summary>
    Restricted,

    /// <summary>For the addresses listed in <c>addresses</c> only.</summary>
    Private,
}
