namespace Aizu.Hardware.BRoute;

/// <summary>Source-generated JSON for the PAN cache (trimming-safe, no reflection).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PanInfo))]
internal sealed partial class PanInfoJsonContext : JsonSerializerContext;
