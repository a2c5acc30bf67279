namespace Aizu.Wire;

/// <summary>
/// The colour of a level band, following the colours Japan uses for 警戒レベル so the panel looks like the
/// warnings on TV and in the municipal hazard maps.
/// </summary>
public enum ColourBand
{
    /// <summary>Level 1 (早期注意情報).</summary>
    White,

    /// <summary>Level 2 (advisories).</summary>
    Yellow,

    /// <summary>Level 3 (高齢者等避難).</summary>
    Red,

    /// <summary>Level 4 (避難指示).</summary>
    Purple,

    /// <summary>Level 5 (緊急安全確保).</summary>
    Black,
}
