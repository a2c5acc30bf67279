namespace Aizu.Wire;

/// <summary>One entry of CAP <c>references</c>: the <c>sender,identifier,sent</c> triple of an earlier message.</summary>
/// <param name="Sender">The earlier message's <c>sender</c>.</param>
/// <param name="Identifier">The earlier message's <c>identifier</c>.</param>
/// <param name="Sent">The earlier message's <c>sent</c>.</param>
public sealed record CapReference(string Sender, string Identifier, DateTimeOffset Sent);
