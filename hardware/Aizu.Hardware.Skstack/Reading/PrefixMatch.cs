namespace Aizu.Hardware.Skstack;

/// <summary>How far the buffered bytes agree with an expected keyword.</summary>
internal enum PrefixMatch
{
    /// <summary>The bytes differ from the keyword.</summary>
    None,

    /// <summary>All buffered bytes agree, but fewer bytes than the keyword are buffered.</summary>
    Partial,

    /// <summary>The keyword is there.</summary>
    Full,
}
