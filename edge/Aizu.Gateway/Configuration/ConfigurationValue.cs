namespace Aizu.Gateway.Configuration;

/// <summary>
/// Checks one configured value against the property it binds to, the way the binder will convert it, so a
/// wrong value is one line naming the key, the value and what is allowed instead of an exception when the
/// component first asks for its options (after the database was already created).
/// </summary>
internal static class ConfigurationValue
{
    /// <summary>What is wrong with <paramref name="key"/>'s value for <paramref name="property"/>, or null.</summary>
    public static string? Problem(IConfigurationSection key, PropertyInfo property)
    {
        if (key.Value is not { } value)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (value.Length == 0)
        {
            // The binder leaves an empty value's property at its default; the options' own validation
            // says when that default is not enough.
            return null;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!) && !char.IsAsciiDigit(value[0]) && value[0] != '-'
                ? null
                : Refuse(key, value, string.Join(", ", Enum.GetNames(type)));
        }

        if (type == typeof(Uri) || (type == typeof(string) && property.Name.EndsWith("Url", StringComparison.Ordinal)))
        {
            return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host)
                ? null
                : Refuse(key, value, "an absolute http:// or https:// URL, e.g. http://127.0.0.1:8086");
        }

        if (type == typeof(string) || Allowed(type) is not { } allowed)
        {
            return null;
        }

        return Parses(type, value) ? null : Refuse(key, value, allowed);
    }

    // The way the generated binder converts each kind of value (invariant culture, as the reflection binder's
    // TypeConverter did); parsing explicitly keeps this check free of TypeDescriptor, which trimming breaks.
    private static bool Parses(Type type, string value)
    {
        const NumberStyles Whole = NumberStyles.Integer;
        const NumberStyles Real = NumberStyles.Float;
        var invariant = CultureInfo.InvariantCulture;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => bool.TryParse(value, out _),
            TypeCode.Byte => byte.TryParse(value, Whole, invariant, out _),
            TypeCode.SByte => sbyte.TryParse(value, Whole, invariant, out _),
            TypeCode.Int16 => short.TryParse(value, Whole, invariant, out _),
            TypeCode.UInt16 => ushort.TryParse(value, Whole, invariant, out _),
            TypeCode.Int32 => int.TryParse(value, Whole, invariant, out _),
            TypeCode.UInt32 => uint.TryParse(value, Whole, invariant, out _),
            TypeCode.Int64 => long.TryParse(value, Whole, invariant, out _),
            TypeCode.UInt64 => ulong.TryParse(value, Whole, invariant, out _),
            TypeCode.Single => float.TryParse(value, Real, invariant, out _),
            TypeCode.Double => double.TryParse(value, Real, invariant, out _),
            TypeCode.Decimal => decimal.TryParse(value, Real, invariant, out _),
            TypeCode.DateTime => DateTime.TryParse(value, invariant, DateTimeStyles.None, out _),
            _ when type == typeof(TimeSpan) => TimeSpan.TryParse(value, invariant, out _),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.TryParse(value, invariant, DateTimeStyles.None, out _),
            _ when type == typeof(DateOnly) => DateOnly.TryParse(value, invariant, DateTimeStyles.None, out _),
            _ when type == typeof(TimeOnly) => TimeOnly.TryParse(value, invariant, DateTimeStyles.None, out _),
            _ => true,
        };
    }

    private static string Refuse(IConfigurationSection key, string value, string allowed) =>
        $"{key.Path} = '{value}' is not allowed; allowed: {allowed}.";

    // What to write for each kind of value the options classes hold; null for types the binder converts
    // in its own way (lists, dictionaries, nested settings).
    private static string? Allowed(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => "true or false",
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
            or TypeCode.Int64 or TypeCode.UInt64 => "a whole number, e.g. 5",
        TypeCode.Single or TypeCode.Double or TypeCode.Decimal => string.Create(CultureInfo.InvariantCulture, $"a number with a '.' for decimals, e.g. {0.27}"),
        TypeCode.DateTime => "a date, e.g. 2026-04-01",
        _ when type == typeof(TimeSpan) => "a duration hh:mm:ss, e.g. 00:00:10",
        _ when type == typeof(DateTimeOffset) => "a date and time with offset, e.g. 2026-04-01T00:00:00+09:00",
        _ when type == typeof(DateOnly) => "a date, e.g. 2026-04-01",
        _ when type == typeof(TimeOnly) => "a time of day, e.g. 07:00",
        _ => null,
    };
}
