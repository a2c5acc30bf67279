namespace Aizu.Consent;

/// <summary>
/// The exact text the ledger stores for times, event types and actors. The hash covers these strings
/// as stored, so they are written one way only and read back strictly. The command line and the panel show
/// the same words, so a household reading either sees what the ledger says.
/// </summary>
public static class LedgerText
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>An instant as the ledger stores it (UTC, 100 ns).</summary>
    public static string FormatTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads an instant written by <see cref="FormatTime"/>; nothing else.</summary>
    public static bool TryParseTime(string text, out DateTimeOffset at)
    {
        var ok = DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc);
        at = ok ? new DateTimeOffset(utc, TimeSpan.Zero) : default;
        return ok;
    }

    /// <summary>The ledger's word for an event type, e.g. <c>withdrawn</c>.</summary>
    public static string TypeName(ConsentStatus type) => type switch
    {
        ConsentStatus.Requested => "requested",
        ConsentStatus.Deferred => "deferred",
        ConsentStatus.Refused => "refused",
        ConsentStatus.Given => "given",
        ConsentStatus.Renewed => "renewed",
        ConsentStatus.Expired => "expired",
        ConsentStatus.Withdrawn => "withdrawn",
        ConsentStatus.Revoked => "revoked",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a ledger event type."),
    };

    /// <summary>Reads a word written by <see cref="TypeName"/>.</summary>
    public static bool TryParseType(string text, out ConsentStatus type) => TryParseName(text, TypeName, out type);

    /// <summary>The ledger's word for who decided, e.g. <c>household</c>.</summary>
    public static string ActorName(ConsentActor actor) => actor switch
    {
        ConsentActor.Household => "household",
        ConsentActor.City => "city",
        ConsentActor.Gateway => "gateway",
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, "Not a ledger actor."),
    };

    /// <summary>Reads a word written by <see cref="ActorName"/>.</summary>
    public static bool TryParseActor(string text, out ConsentActor actor) => TryParseName(text, ActorName, out actor);

    // The ledger's words are written by one naming function per enum; reading is that function run backwards, exactly.
    private static bool TryParseName<TEnum>(string text, Func<TEnum, string> name, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(name(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
