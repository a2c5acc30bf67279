namespace Aizu.Wire;

/// <summary>
/// The retained consent state of one data set (purpose × recipient × period): which grants are active, under
/// their opaque references, so the recipient knows what it may accept. It names no gateway and no other data set.
/// </summary>
/// <param name="Pseudonym">The data set's pseudonym (the last level of its topics).</param>
/// <param name="At">The day (UTC) the state was made: no finer, the second of a household decision says when someone was at home.</param>
/// <param name="Grants">The active grants of this data set, in the order written.</param>
public sealed record ConsentStateMessage(string Pseudonym, DateOnly At, IReadOnlyList<ConsentStateGrant> Grants);
