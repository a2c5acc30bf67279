namespace Aizu.Gateway.Tests.Configuration;

/// <summary>
/// The guard knows nested settings classes from a list (Native AOT keeps no metadata to discover them), so a
/// settings class nested in an options class but missing from that list would have its keys go unchecked.
/// </summary>
public sealed class ConfigurationShapeTests
{
    [Fact]
    public void Every_nested_settings_class_is_known_to_the_guard()
    {
        var found = ConfigurationGuard.SectionTypes.Values.SelectMany(NestedSettings).ToHashSet();

        Assert.NotEmpty(found);
        Assert.Equal(
            found.Select(t => t.FullName).Order(StringComparer.Ordinal),
            ConfigurationGuard.NestedTypes.Select(t => t.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_misspelt_key_inside_a_nested_settings_object_is_reported()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Aizu:Tariff:Tiers:0:UpToKwhh"] = "120" })
            .Build();

        var problem = Assert.Single(ConfigurationGuard.FindProblems(configuration));

        Assert.StartsWith("Unknown configuration key 'Aizu:Tariff:Tiers:0:UpToKwhh'", problem, StringComparison.Ordinal);
    }

    private static IEnumerable<Type> NestedSettings(Type type)
    {
        foreach (var property in type.GetProperties())
        {
            var candidate = Element(property.PropertyType) ?? property.PropertyType;
            if (candidate.IsClass && candidate != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(candidate)
                && candidate.Namespace?.StartsWith("Aizu", StringComparison.Ordinal) == true)
            {
                yield return candidate;
                foreach (var inner in NestedSettings(candidate))
                {
                    yield return inner;
                }
            }
        }
    }

    private static Type? Element(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType && type.GetGenericArguments().Length == 1
            ? type.GetGenericArguments()[0]
            : null;
}
