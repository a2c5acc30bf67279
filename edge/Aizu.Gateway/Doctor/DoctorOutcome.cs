namespace Aizu.Gateway.Doctor;

/// <summary>How one check of <c>aizu doctor</c> came out.</summary>
internal enum DoctorOutcome
{
    /// <summary>Nothing to do.</summary>
    Ok,

    /// <summary>Works, but will not for long or not as well as it should (a disk filling up, an unsynchronised clock).</summary>
    Warning,

    /// <summary>Something the gateway needs is broken; the hint says what to do.</summary>
    Fail,
}
