namespace Aizu.Panel;

/// <summary>The optional body of <c>POST /api/consent/grants/{id}/renew</c>.</summary>
/// <param name="Months">New validity in months from now (1–12); null for the default.</param>
internal sealed record ConsentRenewRequest(int? Months);
