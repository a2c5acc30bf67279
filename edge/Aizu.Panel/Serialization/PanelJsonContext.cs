namespace Aizu.Panel;

/// <summary>
/// Every type the panel's endpoints read or write as JSON, and the panel's own files, as generated
/// serialization code: the Native AOT gateway has no reflection-based serializer (without this, signing in
/// failed at start of a trimmed build on <see cref="PasswordRequest"/>). Web defaults, as ASP.NET's.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PasswordRequest))]
[JsonSerializable(typeof(PasswordChangeRequest))]
[JsonSerializable(typeof(EraseRequest))]
[JsonSerializable(typeof(ConsentGrantRequest))]
[JsonSerializable(typeof(ConsentRenewRequest))]
[JsonSerializable(typeof(ConsentReconfirmRequest))]
[JsonSerializable(typeof(PanelStatus))]
[JsonSerializable(typeof(SessionState))]
[JsonSerializable(typeof(LiveReadingEvent))]
[JsonSerializable(typeof(LiveReadingEvent[]))]
[JsonSerializable(typeof(TodaySummary))]
[JsonSerializable(typeof(TodayCost))]
[JsonSerializable(typeof(HistoryPage))]
[JsonSerializable(typeof(ClimateOverview))]
[JsonSerializable(typeof(AlertListResponse))]
[JsonSerializable(typeof(AlertAckItem))]
[JsonSerializable(typeof(ConsentOverview))]
[JsonSerializable(typeof(ConsentDecisionResult))]
[JsonSerializable(typeof(ConsentIntegrityInfo))]
[JsonSerializable(typeof(ConsentReceiptView))]
[JsonSerializable(typeof(EgressPage))]
[JsonSerializable(typeof(SettingsOverview))]
[JsonSerializable(typeof(EraseResponse))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class PanelJsonContext : JsonSerializerContext;
