namespace Aizu.Wire;

/// <summary>CAP 1.2 <c>certainty</c>.</summary>
public enum CapCertainty
{
    /// <summary>Determined to have occurred or to be ongoing.</summary>
    Observed,

    /// <summary>Likely (p &gt; ~50 %).</summary>
    Likely,

    /// <summary>Possible but not likely (p &lt;= ~50 %).</summary>
    Possible,

    /// <summary>Not expected to occur (p ~ 0).</summary>
    Unlikely,

    /// <summary>Certainty unknown.</summary>
    Unknown,
}
