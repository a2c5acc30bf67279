namespace Aizu.Gateway.Doctor;

/// <summary>The support bundle's content (<c>aizu doctor --bundle</c>).</summary>
internal sealed record SupportBundleDocument(
    DateTimeOffset GeneratedAt,
    SupportBundleVersions Versions,
    SortedDictionary<string, string?> Configuration,
    IReadOnlyList<DoctorCheckReport> Doctor,
    IReadOnlyList<string> Log);
