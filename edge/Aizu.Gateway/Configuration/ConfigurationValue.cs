using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

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

        try
        {
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or NotSupportedException or OverflowException
            || exception.InnerException is FormatException or OverflowException)
        {
            return Refuse(key, value, allowed);
        }
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
