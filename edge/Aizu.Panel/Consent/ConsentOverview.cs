namespace Aizu.Panel;

/// <summary>The body of <c>GET /api/consent</c>: the city's purposes, the household's consents, open requests and reminders.</summary>
/// <param name="Enabled">False when the gateway has no consent component (nothing can be granted).</param>
/// <param name="Catalogue">The city's catalogue in force, or null when none has arrived (nothing to grant yet).</param>
/// <param name="Purposes">The purposes on offer, with what each may ask for.</param>
/// <param name="Consents">The latest version of every consent (requests included), whatever its status.</param>
/// <param name="Requests">Consent ids awaiting a decision (requested or deferred): never consent.</param>
/// <param name="Reminders">Consents in force that end within 30 days.</param>
/// <param name="EgressConfigured">True when a city connection is configured (otherwise nothing leaves, even with consent).</param>
/// <param name="ReminderDays">How many days before expiry a reminder shows.</param>
internal sealed record ConsentOverview(
    bool Enabled,
    ConsentCatalogueInfo? Catalogue,
    IReadOnlyList<ConsentPurposeItem> Purposes,
    IReadOnlyList<ConsentItem> Consents,
    IReadOnlyList<string> Requests,
    IReadOnlyList<ConsentReminder> Reminders,
    bool EgressConfigured,
    int ReminderDays)
{
    /// <summary>Whether the ledger can be trusted and anything is sent; null without the consent component.</summary>
    public ConsentIntegrityInfo? Integrity { get; init; }

    /// <summary>The household's configured district (<c>Aizu:Household:District</c>), or null when none is.</summary>
    public string? HouseholdDistrict { get; init; }
}
