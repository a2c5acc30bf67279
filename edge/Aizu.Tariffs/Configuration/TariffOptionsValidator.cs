namespace Aizu.Tariffs;

/// <summary>
/// Checks <see cref="TariffOptions"/> at start-up so a wrong tariff stops the gateway with a message naming
/// the key an installer has to fix, instead of the panel showing a wrong bill.
/// </summary>
internal sealed class TariffOptionsValidator(string sectionPath) : IValidateOptions<TariffOptions>
{
    // 2024-01-01 was a Monday: the week the time-of-use coverage check walks through.
    private static readonly DateTime ReferenceMonday = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public ValidateOptionsResult Validate(string? name, TariffOptions options)
    {
        var failures = Check(options, sectionPath);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with <paramref name="options"/>, each naming its key under <paramref name="sectionPath"/>.</summary>
    public static List<string> Check(TariffOptions options, string sectionPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        string Key(string property) => $"{sectionPath}:{property}";

        if (options.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            failures.Add($"{Key(nameof(TariffOptions.Currency))} '{options.Currency}' must be an ISO 4217 code in capitals, such as JPY or EUR.");
        }

        if (options.Rounding is { } rounding && !Enum.IsDefined(rounding))
        {
            failures.Add($"{Key(nameof(TariffOptions.Rounding))} must be Down or Nearest.");
        }

        NotNegative(failures, Key(nameof(TariffOptions.BasicChargePerMonth)), options.BasicChargePerMonth);
        NotNegative(failures, Key(nameof(TariffOptions.RenewableSurchargePerKWh)), options.RenewableSurchargePerKWh);
        NotNegative(failures, Key(nameof(TariffOptions.ExportPricePerKWh)), options.ExportPricePerKWh);

        switch (options.Kind)
        {
            case null:
                failures.Add($"{Key(nameof(TariffOptions.Kind))} is required: Flat, Tiered or TimeOfUse.");
                break;
            case TariffKind.Flat:
                if (options.PricePerKWh is not { } price)
                {
                    failures.Add($"{Key(nameof(TariffOptions.PricePerKWh))} is required when {Key(nameof(TariffOptions.Kind))} is Flat.");
                }
                else
                {
                    NotNegative(failures, Key(nameof(TariffOptions.PricePerKWh)), price);
                }

                OnlyFor(failures, options.Tiers.Count > 0, Key(nameof(TariffOptions.Tiers)), TariffKind.Tiered, Key(nameof(TariffOptions.Kind)));
                OnlyFor(failures, options.Periods.Count > 0, Key(nameof(TariffOptions.Periods)), TariffKind.TimeOfUse, Key(nameof(TariffOptions.Kind)));
                break;
            case TariffKind.Tiered:
                CheckTiers(failures, options.Tiers, Key(nameof(TariffOptions.Tiers)), Key(nameof(TariffOptions.Kind)));
                OnlyFor(failures, options.PricePerKWh is not null, Key(nameof(TariffOptions.PricePerKWh)), TariffKind.Flat, Key(nameof(TariffOptions.Kind)));
                OnlyFor(failures, options.Periods.Count > 0, Key(nameof(TariffOptions.Periods)), TariffKind.TimeOfUse, Key(nameof(TariffOptions.Kind)));
                break;
            case TariffKind.TimeOfUse:
                CheckPeriods(failures, options.Periods, Key(nameof(TariffOptions.Periods)), Key(nameof(TariffOptions.Kind)));
                OnlyFor(failures, options.PricePerKWh is not null, Key(nameof(TariffOptions.PricePerKWh)), TariffKind.Flat, Key(nameof(TariffOptions.Kind)));
                OnlyFor(failures, options.Tiers.Count > 0, Key(nameof(TariffOptions.Tiers)), TariffKind.Tiered, Key(nameof(TariffOptions.Kind)));
                break;
            default:
                failures.Add($"{Key(nameof(TariffOptions.Kind))} must be Flat, Tiered or TimeOfUse.");
                break;
        }

        return failures;
    }

    private static void CheckTiers(List<string> failures, IList<TariffTierOptions> tiers, string key, string kindKey)
    {
        if (tiers.Count == 0)
        {
            failures.Add($"{key} needs at least one tier when {kindKey} is Tiered, for example {{ \"UpToKWh\": 120, \"PricePerKWh\": 29.80 }} … {{ \"PricePerKWh\": 40.49 }}.");
            return;
        }

        decimal previous = 0;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var tierKey = $"{key}:{i}";
            if (tier.PricePerKWh is not { } price)
            {
                failures.Add($"{tierKey}:{nameof(TariffTierOptions.PricePerKWh)} is required.");
            }
            else
            {
                NotNegative(failures, $"{tierKey}:{nameof(TariffTierOptions.PricePerKWh)}", price);
            }

            var last = i == tiers.Count - 1;
            if (last && tier.UpToKWh is { } end)
            {
                failures.Add($"{tierKey}:{nameof(TariffTierOptions.UpToKWh)} ({end.ToString(CultureInfo.InvariantCulture)}) must be unset: the last tier has no end.");
            }
            else if (!last && tier.UpToKWh is null)
            {
                failures.Add($"{tierKey}:{nameof(TariffTierOptions.UpToKWh)} is required: only the last tier has no end.");
            }
            else if (!last && tier.UpToKWh is { } upTo && upTo <= previous)
            {
                failures.Add($"{tierKey}:{nameof(TariffTierOptions.UpToKWh)} ({upTo.ToString(CultureInfo.InvariantCulture)}) must be greater than the tier before's end ({previous.ToString(CultureInfo.InvariantCulture)}).");
            }

            previous = tier.UpToKWh ?? previous;
            if (!string.IsNullOrWhiteSpace(tier.Name) && !names.Add(tier.Name.Trim()))
            {
                failures.Add($"{tierKey}:{nameof(TariffTierOptions.Name)} '{tier.Name}' is used by another tier.");
            }
        }
    }

    private static void CheckPeriods(List<string> failures, IList<TariffPeriodOptions> periods, string key, string kindKey)
    {
        if (periods.Count == 0)
        {
            failures.Add($"{key} needs at least one period when {kindKey} is TimeOfUse, for example {{ \"Name\": \"night\", \"Start\": \"23:00\", \"End\": \"07:00\", \"PricePerKWh\": 28.85 }}.");
            return;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var complete = true;
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var periodKey = $"{key}:{i}";
            if (string.IsNullOrWhiteSpace(period.Name))
            {
                failures.Add($"{periodKey}:{nameof(TariffPeriodOptions.Name)} is required.");
                complete = false;
            }
            else if (!names.Add(period.Name.Trim()))
            {
                failures.Add($"{periodKey}:{nameof(TariffPeriodOptions.Name)} '{period.Name}' is used by another period.");
            }

            foreach (var (property, time) in (ReadOnlySpan<(string, TimeOnly?)>)
                [(nameof(TariffPeriodOptions.Start), period.Start), (nameof(TariffPeriodOptions.End), period.End)])
            {
                if (time is not { } value)
                {
                    failures.Add($"{periodKey}:{property} is required (a local time such as 07:00).");
                    complete = false;
                }
                else if (!OnQuarterHour(value))
                {
                    failures.Add($"{periodKey}:{property} ({value:HH\\:mm\\:ss}) must fall on a quarter hour (:00, :15, :30 or :45), the grain of the stored energy.");
                    complete = false;
                }
            }

            foreach (var day in period.Days)
            {
                if (!Enum.IsDefined(day))
                {
                    failures.Add($"{periodKey}:{nameof(TariffPeriodOptions.Days)} holds '{day}', which is not a day of the week (Monday … Sunday).");
                    complete = false;
                }
            }

            if (period.PricePerKWh is not { } price)
            {
                failures.Add($"{periodKey}:{nameof(TariffPeriodOptions.PricePerKWh)} is required.");
            }
            else
            {
                NotNegative(failures, $"{periodKey}:{nameof(TariffPeriodOptions.PricePerKWh)}", price);
            }
        }

        if (complete && FirstUncovered(periods) is { } gap)
        {
            failures.Add(
                $"{key} leave {gap.DayOfWeek} {gap:HH\\:mm}–{gap.AddMinutes(15):HH\\:mm} without a price: every time of the week needs a period (add a last one without Days from 00:00 to 00:00 for \"all other times\").");
        }
    }

    private static DateTime? FirstUncovered(IList<TariffPeriodOptions> periods)
    {
        var model = periods.Select(p => new TimeOfUsePeriod(
            p.Name, p.Start!.Value, p.End!.Value, p.Days.Count == 0 ? null : p.Days.ToHashSet(), 0m)).ToArray();
        for (var quarter = 0; quarter < 7 * 24 * 4; quarter++)
        {
            var local = ReferenceMonday.AddMinutes(15 * quarter);
            if (!model.Any(p => p.Contains(local)))
            {
                return local;
            }
        }

        return null;
    }

    private static bool OnQuarterHour(TimeOnly time) => time.Minute % 15 == 0 && time.Second == 0 && time.Millisecond == 0 && time.Microsecond == 0;

    private static void NotNegative(List<string> failures, string key, decimal value)
    {
        if (value < 0)
        {
            failures.Add($"{key} must not be negative; it is {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static void OnlyFor(List<string> failures, bool set, string key, TariffKind kind, string kindKey)
    {
        if (set)
        {
            failures.Add($"{key} is only used when {kindKey} is {kind}; remove it or change the kind.");
        }
    }
}
