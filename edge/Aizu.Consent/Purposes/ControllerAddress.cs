namespace Aizu.Consent;

/// <summary>Postal address of the controller, as Kantara Consent Receipt v1.1 writes it.</summary>
/// <param name="StreetAddress">Street, town and building.</param>
/// <param name="AddressCountry">ISO 3166 country code, <c>JP</c>.</param>
public sealed record ControllerAddress(string StreetAddress, string AddressCountry);
