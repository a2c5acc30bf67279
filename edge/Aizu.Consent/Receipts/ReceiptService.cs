namespace Aizu.Consent;

/// <summary>A service on a Kantara Consent Receipt v1.1 (<c>services[]</c>): the purpose as the city names it.</summary>
/// <param name="Service">Service name.</param>
/// <param name="Purposes">Its purposes (one: a receipt covers one grant).</param>
public sealed record ReceiptService(string Service, IReadOnlyList<ReceiptPurpose> Purposes);
