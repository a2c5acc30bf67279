using Aizu.Gateway.Configuration;
using Microsoft.Extensions.Configuration;

namespace Aizu.Gateway.Tests.Cli;

public sealed class ConfigurationGuardTests
{
    [Fact]
    public void MisspeltKey_IsReportedWithTheKnownKeys()
    {
        var configuration = Build(new() { ["Aizu:BRoute:Pasword"] = "0123456789AB" });

        var problem = Assert.Single(ConfigurationGuard.FindUnknownKeys(configuration));

        Assert.Contains("'Aizu:BRoute:Pasword'", problem, StringComparison.Ordinal);
        Assert.Contains("Password", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltSection_IsReported()
    {
        var configuration = Build(new() { ["Aizu:Broute2:Password"] = "x" });

        Assert.Contains("Unknown configuration section 'Aizu:Broute2'", Assert.Single(ConfigurationGuard.FindUnknownKeys(configuration)), StringComparison.Ordinal);
    }

    [Fact]
    public void KnownKeys_InAnyCase_AreAccepted()
    {
        var configuration = Build(new()
        {
            ["Aizu:BRoute:Password"] = "0123456789AB",
            ["aizu:storage:databasepath"] = "x.db",
            ["Aizu:Panel:Urls"] = "http://127.0.0.1:8480",
        });

        Assert.Empty(ConfigurationGuard.FindUnknownKeys(configuration));
    }

    private static IConfiguration Build(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
