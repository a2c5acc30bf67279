namespace Aizu.Hardware.Skstack;

/// <summary>The firmware version answered to SKVER (<c>EVER 1.2.10</c>).</summary>
/// <param name="Version">The version text after <c>EVER </c>.</param>
public sealed record SkstackVersion(string Version) : SkstackMessage;
