namespace Aizu.Egress;

/// <summary>
/// One data set on the wire: what one recipient receives for one purpose in one pseudonym period. Its
/// pseudonym is the last level of its data, consent-state and deletion topics.
/// </summary>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Recipient">Recipient id.</param>
/// <param name="Period">The period label: the local year (<c>2026</c>) or month (<c>2026-03</c>).</param>
/// <param name="Start">Start of the period (household calendar).</param>
/// <param name="End">End of the period.</param>
/// <param name="Pseudonym">The data set's pseudonym.</param>
public sealed record DataSet(string Purpose, string Recipient, string Period, DateTimeOffset Start, DateTimeOffset End, string Pseudonym);
