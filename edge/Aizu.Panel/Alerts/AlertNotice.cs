namespace Aizu.Panel;

/// <summary>The supplementary-channel notice every alert screen shows.</summary>
/// <param name="Ja">Japanese.</param>
/// <param name="En">English.</param>
internal sealed record AlertNotice(string Ja, string En);
