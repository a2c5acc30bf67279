namespace Aizu.Hardware.Skstack;

/// <summary>
/// A line holding nothing but a full-form IPv6 address. SKLL64 answers this way, without a following OK
/// (public BP35A1/BP35C0 Python driver "wisunBp35xx": "SKLLはOKを返さない"); EADDR lists addresses the same way.
/// </summary>
/// <param name="Address">The address as printed, e.g. <c>FE80:0000:0000:0000:021D:1290:1234:5678</c>.</param>
public sealed record SkstackAddressLine(string Address) : SkstackMessage;
