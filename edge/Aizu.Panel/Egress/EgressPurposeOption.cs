namespace Aizu.Panel;

/// <summary>A purpose (and data category) that appears in the egress log.</summary>
internal sealed record EgressPurposeOption(string Purpose, string? Category);
