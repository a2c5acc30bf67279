namespace Aizu.Panel;

/// <summary>One MQTT 5 user property, as sent.</summary>
internal sealed record EgressProperty(string Name, string Value);
