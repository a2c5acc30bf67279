namespace Aizu.Storage;

/// <summary>
/// One component's tables in the gateway's SQLite file (the reading store, consent, egress) and the
/// ordered steps that build them. Every component is migrated the same way by <see cref="GatewayDatabase"/>:
/// its version is one row of <c>schema_migrations</c>, keyed by <see cref="Name"/>, so the components
/// sharing the file move forward independently.
/// </summary>
public sealed class SchemaComponent
{
    /// <summary>Creates the component <paramref name="name"/>; step i upgrades version i to i + 1.</summary>
    /// <param name="name">The key in <c>schema_migrations</c>; never renamed once shipped.</param>
    /// <param name="steps">SQL run in order; append new steps, never edit a shipped one.</param>
    public SchemaComponent(string name, IReadOnlyList<string> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(steps);
        Name = name;
        Steps = steps;
    }

    /// <summary>The component's key in <c>schema_migrations</c>.</summary>
    public string Name { get; }

    /// <summary>The migration steps, oldest first.</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>The version this build brings the component to.</summary>
    public int LatestVersion => Steps.Count;

    /// <summary>
    /// Where a file written before <c>schema_migrations</c> existed kept this component's version: a
    /// one-row table <c>(id = 1, version)</c>. Read once, when the component has no row yet.
    /// </summary>
    public string? LegacyVersionTable { get; init; }

    /// <summary>
    /// True when a file written before <c>schema_migrations</c> existed kept this component's version in
    /// <c>PRAGMA user_version</c> (the reading store did).
    /// </summary>
    public bool LegacyUserVersion { get; init; }
}
