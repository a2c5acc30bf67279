namespace Aizu.Gateway.Doctor;

/// <summary>What <c>aizu doctor --json</c> prints.</summary>
internal sealed record DoctorReport(bool Healthy, int Failed, int Warnings, IReadOnlyList<DoctorCheckReport> Checks);
