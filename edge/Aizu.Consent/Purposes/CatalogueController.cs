namespace Aizu.Consent;

/// <summary>
/// Who is responsible for the data the purposes receive (the PII controller: the city, or the body
/// that runs data governance for it). Copied into every receipt so a household knows whom to ask.
/// </summary>
/// <param name="Name">Legal name of the controller.</param>
/// <param name="Contact">Contact point (e.g. the privacy officer's role).</param>
/// <param name="Email">E-mail address for privacy questions.</param>
/// <param name="Phone">Telephone number.</param>
/// <param name="Url">The controller's web site.</param>
/// <param name="Address">Postal address.</param>
public sealed record CatalogueController(
    string Name,
    string? Contact = null,
    string? Email = null,
    string? Phone = null,
    string? Url = null,
    ControllerAddress? Address = null);
