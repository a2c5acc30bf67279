namespace Aizu.Consent;

/// <summary>
/// Source-generated JSON for what the consent side stores and signs: grants (in the ledger), the
/// city's catalogue and receipts. camelCase, enums by name, constructor parameters required, so a
/// stored or signed document missing a field is an error rather than a silent default.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConsentGrant))]
[JsonSerializable(typeof(PurposeCatalogue))]
[JsonSerializable(typeof(ConsentReceipt))]
[JsonSerializable(typeof(LedgerReconfirmation))]
internal sealed partial class ConsentJson : JsonSerializerContext;
