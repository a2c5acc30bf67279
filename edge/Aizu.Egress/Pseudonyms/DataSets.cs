namespace Aizu.Egress;

/// <summary>
/// Which data set a message belongs to: the purpose and recipient of its consent and the pseudonym period (the
/// signed catalogue's <c>pseudonymPeriod</c>, a local year by default) that contains its window. Windows never
/// straddle a period: every granularity is a month or shorter and starts on the household calendar.
/// </summary>
public sealed class DataSets(IConsentRegistry registry, HouseholdPseudonyms pseudonyms, WindowCutter cutter)
{
    /// <summary>The data set of <paramref name="purpose"/> and <paramref name="recipient"/> whose period contains <paramref name="instant"/>.</summary>
    public async Task<DataSet> AtAsync(string purpose, string recipient, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        var catalogue = await registry.GetCatalogueAsync(cancellationToken);
        var period = catalogue?.Find(purpose)?.PseudonymPeriod is { } named && PseudonymPeriods.IsKnown(named) ? named : PseudonymPeriods.Year;
        var day = cutter.Calendar.LocalDate(instant);
        var (label, first, next) = period == PseudonymPeriods.Month
            ? (day.ToString("yyyy-MM", CultureInfo.InvariantCulture), new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1))
            : (day.Year.ToString(CultureInfo.InvariantCulture), new DateOnly(day.Year, 1, 1), new DateOnly(day.Year + 1, 1, 1));
        var start = cutter.Calendar.StartOfDay(first).ToUniversalTime();
        var end = cutter.Calendar.StartOfDay(next).ToUniversalTime();
        return new DataSet(purpose, recipient, label, start, end, await pseudonyms.DataSetAsync(purpose, recipient, label, cancellationToken));
    }

    /// <summary>The opaque reference of consent <paramref name="consentId"/> version <paramref name="version"/> in <paramref name="dataSet"/>.</summary>
    public ValueTask<string> ReferenceAsync(DataSet dataSet, string consentId, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSet);

        // A data set from before data sets existed has no period: its data went out under consent-id@version.
        if (dataSet.Period.Length == 0)
        {
            return ValueTask.FromResult(string.Create(CultureInfo.InvariantCulture, $"{consentId}@{version}"));
        }

        return pseudonyms.ConsentReferenceAsync(consentId, version, dataSet.Period, cancellationToken);
    }
}
