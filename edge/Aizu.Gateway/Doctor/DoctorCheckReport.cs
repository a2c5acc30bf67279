namespace Aizu.Gateway.Doctor;

/// <summary>One doctor check as <c>aizu doctor --json</c> and the support bundle write it.</summary>
internal sealed record DoctorCheckReport(string Name, string Outcome, string Detail, string? Fix)
{
    /// <summary>The check with its outcome in lower case, its texts passed through <paramref name="text"/> (the bundle masks secrets).</summary>
    public static DoctorCheckReport From(DoctorCheck check, Func<string, string> text) =>
        new(check.Name, check.Outcome.ToString().ToLowerInvariant(), text(check.Detail), check.Fix is null ? null : text(check.Fix));
}
