namespace Aizu.Hardware.Skstack;

/// <summary>Outcome of <see cref="SkstackFraming.TryTakeToken"/>.</summary>
internal enum TokenStatus
{
    /// <summary>No delimiter yet; nothing consumed.</summary>
    NeedMoreData,

    /// <summary>A token and its trailing space were consumed.</summary>
    Token,

    /// <summary>A line end came before the next space; nothing consumed.</summary>
    LineEnded,

    /// <summary>The token is longer than any header field can be; nothing consumed.</summary>
    TooLong,
}
