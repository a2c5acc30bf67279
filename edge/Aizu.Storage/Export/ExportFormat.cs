namespace Aizu.Storage;

/// <summary>Text formats <see cref="ReadingExporter"/> writes.</summary>
public enum ExportFormat
{
    /// <summary>Comma-separated values with a header line (RFC 4180 quoting).</summary>
    Csv = 0,

    /// <summary>One JSON array of objects.</summary>
    Json = 1,
}
