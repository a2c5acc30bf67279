namespace Aizu.Egress;

/// <summary>A data set the gateway has published under, with what it last queued for it.</summary>
/// <param name="DataSet">The data set.</param>
/// <param name="Published">The description (<c>consent-id@version~end day</c> of each listed grant) of the state last queued, <see cref="EgressJournal.ClearedState"/> once cleared, or null when none was.</param>
/// <param name="Pending">Data or acknowledgement rows of the data set still waiting to be sent.</param>
public sealed record KnownDataSet(DataSet DataSet, string? Published, int Pending);
