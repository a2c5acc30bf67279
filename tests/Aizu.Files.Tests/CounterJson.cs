namespace Aizu.Files.Tests;

[JsonSerializable(typeof(Counter))]
internal sealed partial class CounterJson : JsonSerializerContext;
