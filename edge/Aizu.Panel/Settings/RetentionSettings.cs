using System.Text.Json.Serialization;
using Aizu.Storage;

namespace Aizu.Panel;

/// <summary>How long the store keeps what, in <c>GET /api/settings</c>. Months of 0 mean "forever".</summary>
internal sealed record RetentionSettings(
    [property: JsonPropertyName("rawMonths")] int RawMonths,
    [property: JsonPropertyName("minuteMonths")] int MinuteMonths,
    [property: JsonPropertyName("quarterHourMonths")] int QuarterHourMonths,
    [property: JsonPropertyName("hourMonths")] int HourMonths,
    [property: JsonPropertyName("dayMonths")] int DayMonths,
    [property: JsonPropertyName("minFreeSpaceMegabytes")] long MinFreeSpaceMegabytes,
    [property: JsonPropertyName("databasePath")] string DatabasePath,
    [property: JsonPropertyName("series")] int? Series,
    [property: JsonPropertyName("readings")] long? Readings,
    [property: JsonPropertyName("health")] PanelStorageStatus Health)
{
    public static RetentionSettings From(StorageOptions options, string databasePath, int? series, long? readings, StorageHealth health)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(
            options.RawRetentionMonths,
            options.MinuteRollupRetentionMonths,
            options.QuarterHourRollupRetentionMonths,
            options.HourRollupRetentionMonths,
            options.DayRollupRetentionMonths,
            options.MinFreeSpaceMegabytes,
            databasePath,
            series,
            readings,
            PanelStorageStatus.From(health));
    }
}
