namespace Aizu.Hardware.Pulse;

/// <summary>Source-generated JSON for the pulse count file (trimming-safe, no reflection).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PulseCount))]
internal sealed partial class PulseCountJsonContext : JsonSerializerContext;
