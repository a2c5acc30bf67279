namespace Aizu.Gateway.Doctor;

/// <summary>One line of <c>aizu doctor</c>: what was checked, how it came out, what was found and what to do.</summary>
/// <param name="Name">Short name of the check, e.g. <c>consent ledger</c>.</param>
/// <param name="Outcome">How it came out.</param>
/// <param name="Detail">What was found, in one sentence.</param>
/// <param name="Fix">What to do about it, or null when nothing is needed.</param>
internal sealed record DoctorCheck(string Name, DoctorOutcome Outcome, string Detail, string? Fix = null);
