namespace Aizu.Gateway.Doctor;

/// <summary>Which gateway, runtime and system wrote a support bundle.</summary>
internal sealed record SupportBundleVersions(string? Aizu, string Runtime, string Os, string Architecture);
