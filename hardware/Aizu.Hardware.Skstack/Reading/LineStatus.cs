namespace Aizu.Hardware.Skstack;

/// <summary>Outcome of <see cref="SkstackFraming.TryTakeLine"/>.</summary>
internal enum LineStatus
{
    /// <summary>No line end yet; nothing consumed.</summary>
    NeedMoreData,

    /// <summary>A complete line was taken.</summary>
    Line,

    /// <summary>The line exceeded the limit and its first part was consumed.</summary>
    TooLong,
}
