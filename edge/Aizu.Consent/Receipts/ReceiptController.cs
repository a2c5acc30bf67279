namespace Aizu.Consent;

/// <summary>A PII controller as Kantara Consent Receipt v1.1 lists it (<c>piiControllers[]</c>).</summary>
/// <param name="PiiController">Name of the controller.</param>
/// <param name="OnBehalf">True when it acts on behalf of another controller.</param>
/// <param name="Contact">Contact point.</param>
/// <param name="Address">Postal address.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Phone">Telephone number.</param>
/// <param name="PiiControllerUrl">Web site.</param>
public sealed record ReceiptController(
    string PiiController,
    bool OnBehalf,
    string? Contact = null,
    ControllerAddress? Address = null,
    string? Email = null,
    string? Phone = null,
    string? PiiControllerUrl = null);
