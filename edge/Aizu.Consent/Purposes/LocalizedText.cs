namespace Aizu.Consent;

/// <summary>A text the city publishes in Japanese and English; the panel shows the household's language.</summary>
/// <param name="Ja">Japanese.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string Ja, string En);
