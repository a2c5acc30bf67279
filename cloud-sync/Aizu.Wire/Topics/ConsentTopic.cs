namespace Aizu.Wire;

/// <summary>
/// A consent topic taken apart: the retained consent state or a deletion request, and the scope that
/// publishes it. The scope is the opaque part between <c>aizu/v1/consent/</c> and an optional
/// <c>/deletion</c>: today the gateway id, once consent moves to one topic per data set
/// <c>{purpose}/{pseudonym}</c>. Readers treat it as a key and never look inside, so the move changes
/// this parser and the topic builders only.
/// </summary>
/// <param name="Scope">Who publishes the state (one or two topic levels).</param>
/// <param name="IsDeletion">True for a deletion request, false for the consent state.</param>
public sealed record ConsentTopic(string Scope, bool IsDeletion)
{
    private const string DeletionSuffix = "/deletion";

    /// <summary>Reads <paramref name="topic"/>; false when it is not a consent-state or deletion topic.</summary>
    public static bool TryParse(string? topic, out ConsentTopic? parsed)
    {
        parsed = null;
        if (topic is null || !topic.StartsWith(WireTopics.ConsentPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topic[WireTopics.ConsentPrefix.Length..];
        var deletion = rest.EndsWith(DeletionSuffix, StringComparison.Ordinal);
        if (deletion)
        {
            rest = rest[..^DeletionSuffix.Length];
        }

        var levels = rest.Split('/');
        if (levels.Length is < 1 or > 2 || !levels.All(WireTopics.IsLevel) || (levels.Length == 1 && levels[0] == "deletion"))
        {
            return false;
        }

        parsed = new ConsentTopic(rest, deletion);
        return true;
    }
}
