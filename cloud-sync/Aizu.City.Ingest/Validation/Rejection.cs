namespace Aizu.City.Ingest;

/// <summary>A refused message: the reason (one of <see cref="RejectionReasons"/>) and what exactly was wrong.</summary>
/// <param name="Reason">The counted reason.</param>
/// <param name="Detail">One line for the operator.</param>
public sealed record Rejection(string Reason, string Detail);
