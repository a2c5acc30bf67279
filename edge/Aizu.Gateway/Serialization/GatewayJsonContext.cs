namespace Aizu.Gateway.Serialization;

/// <summary>What the <c>aizu</c> commands write as JSON, as generated code (the Native AOT gateway has no reflection-based serializer).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DoctorReport))]
[JsonSerializable(typeof(SupportBundleDocument))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
