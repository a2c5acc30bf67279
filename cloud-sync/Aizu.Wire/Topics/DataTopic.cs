namespace Aizu.Wire;

/// <summary>A consented data topic, <c>aizu/v1/dt/{purpose}/{category}/{pseudonym}</c>, taken apart.</summary>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Category">Data category.</param>
/// <param name="Pseudonym">The data set's pseudonym.</param>
public sealed record DataTopic(string Purpose, string Category, string Pseudonym)
{
    /// <summary>Reads <paramref name="topic"/>; false when it is not a data topic with three valid levels.</summary>
    public static bool TryParse(string? topic, out DataTopic? parsed)
    {
        parsed = null;
        if (topic is null || !topic.StartsWith(WireTopics.DataPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var levels = topic[WireTopics.DataPrefix.Length..].Split('/');
        if (levels.Length != 3 || !levels.All(WireTopics.IsLevel))
        {
            return false;
        }

        parsed = new DataTopic(levels[0], levels[1], levels[2]);
        return true;
    }
}
