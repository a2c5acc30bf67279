namespace Aizu.Panel;

/// <summary>The panel's own files (password hash, sessions) as generated serialization code, with the default (not web) options they were always written with.</summary>
[JsonSerializable(typeof(PanelCredentialRecord))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PanelFileJsonContext : JsonSerializerContext;
