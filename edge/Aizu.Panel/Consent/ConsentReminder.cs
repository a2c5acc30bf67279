namespace Aizu.Panel;

/// <summary>A consent in force that ends soon.</summary>
internal sealed record ConsentReminder(string ConsentId, string Reference, string Purpose, string Category, DateTimeOffset ExpiresAt, int DaysLeft, bool CanRenew);
