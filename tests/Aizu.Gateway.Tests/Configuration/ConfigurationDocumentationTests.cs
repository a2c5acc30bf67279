namespace Aizu.Gateway.Tests.Configuration;

/// <summary>docs/configuration.md lists exactly the keys the options classes bind, so it cannot drift from them.</summary>
public sealed partial class ConfigurationDocumentationTests
{
    [Fact]
    public void Every_bound_key_is_documented_and_every_documented_key_is_bound()
    {
        var expected = ConfigurationGuard.SectionTypes
            .SelectMany(section => Keys($"Aizu:{section.Key}", section.Value))
            .Append("Aizu:Panel:Urls")
            .ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedKey().Matches(File.ReadAllText(DocumentPath()))
            .Select(match => match.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = expected.Except(documented).Order(StringComparer.Ordinal).ToList();
        var unknown = documented.Except(expected).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, $"Keys missing from docs/configuration.md: {string.Join(", ", undocumented)}");
        Assert.True(unknown.Count == 0, $"Keys in docs/configuration.md that no options class binds: {string.Join(", ", unknown)}");
    }

    // The keys a configuration file can set for a type: its properties, nested settings objects with ':',
    // and lists of settings objects with ':N:' for the item's index.
    private static IEnumerable<string> Keys(string prefix, Type type)
    {
        foreach (var property in type.GetProperties().Where(Bindable))
        {
            var path = $"{prefix}:{property.Name}";
            if (IsSettings(property.PropertyType))
            {
                foreach (var key in Keys(path, property.PropertyType))
                {
                    yield return key;
                }
            }
            else if (ListElement(property.PropertyType) is { } element)
            {
                foreach (var key in Keys(path + ":N", element))
                {
                    yield return key;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    // The binder sets what has a public setter and fills what an auto-property holds (lists, nested
    // settings); a computed property (e.g. AlertPreferences.Location) is not configuration.
    private static bool Bindable(System.Reflection.PropertyInfo property) =>
        property.SetMethod?.IsPublic == true
        || property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic) is not null;

    private static bool IsSettings(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("Aizu", StringComparison.Ordinal) == true;

    private static Type? ListElement(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var element = type.IsArray ? type.GetElementType() : type.IsGenericType && type.GetGenericArguments().Length == 1 ? type.GetGenericArguments()[0] : null;
        return element is not null && IsSettings(element) ? element : null;
    }

    private static string DocumentPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "configuration.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/configuration.md was not found above the test's directory.");
    }

    // A key as the tables write it: `Aizu:Section:Key` at the start of a table row.
    [GeneratedRegex(@"^\| `(Aizu:[A-Za-z0-9:]+)`", RegexOptions.Multiline)]
    private static partial Regex DocumentedKey();
}
