namespace Aizu.Egress;

/// <summary>Source-generated JSON for the few shapes the egress tables store as text.</summary>
[JsonSerializable(typeof(string[][]))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class EgressJsonContext : JsonSerializerContext;
