namespace Aizu.Ingest;

/// <summary>The verdict on one reading before it may be stored.</summary>
internal enum Admission
{
    Accepted,
    ClockNotSet,
    FromTheFuture,
    InsideStoredTime,
    Invalid,
}
