namespace Aizu.Household.Tests;

public sealed class HouseholdOptionsTests
{
    [Fact]
    public void The_configured_zone_is_the_calendars_zone()
    {
        using var provider = Services(new() { ["Aizu:Household:TimeZone"] = "Europe/Amsterdam" }).BuildServiceProvider();

        Assert.Equal("Europe/Amsterdam", provider.GetRequiredService<HouseholdCalendar>().Zone.Id);
    }

    [Fact]
    public void Without_a_zone_the_calendar_is_in_the_systems_zone()
    {
        var clock = new FakeTimeProvider();
        clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"));
        using var provider = Services([]).AddSingleton<TimeProvider>(clock).BuildServiceProvider();

        Assert.Equal("America/Santiago", provider.GetRequiredService<HouseholdCalendar>().Zone.Id);
    }

    [Fact]
    public void Every_component_asking_for_the_calendar_gets_the_same_one()
    {
        var services = Services(new() { ["Aizu:Household:TimeZone"] = "Asia/Tokyo" });
        services.AddHouseholdCalendar();
        services.AddHouseholdCalendar();
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(HouseholdCalendar));
        Assert.Single(provider.GetServices<IValidateOptions<HouseholdOptions>>());
        Assert.Same(provider.GetRequiredService<HouseholdCalendar>(), provider.GetRequiredService<HouseholdCalendar>());
    }

    [Fact]
    public async Task An_unknown_zone_stops_the_host_at_start_with_one_line_naming_the_key()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Aizu:Household:TimeZone"] = "Mars/Olympus_Mons" });
        builder.Services.AddAizuHousehold(builder.Configuration.GetSection(HouseholdOptions.SectionName));
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        var failure = Assert.Single(exception.Failures);
        Assert.StartsWith("Aizu:Household:TimeZone 'Mars/Olympus_Mons' is not a time zone this system knows", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Theory]
    [InlineData("Aizu Wakamatsu")]
    [InlineData("aizuwakamatsu/tsuruga/1-chome/12")]
    [InlineData("aizuwakamatsu//tsuruga")]
    [InlineData("Aizuwakamatsu/Tsuruga")]
    public async Task A_district_that_is_not_a_code_of_the_citys_hierarchy_stops_the_host(string district)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Aizu:Household:District"] = district });
        builder.Services.AddAizuHousehold(builder.Configuration.GetSection(HouseholdOptions.SectionName));
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        Assert.StartsWith($"Aizu:Household:District '{district}' is not a district code", Assert.Single(exception.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aizuwakamatsu")]
    [InlineData("aizuwakamatsu/tsuruga")]
    [InlineData("aizuwakamatsu/tsuruga/kami-1")]
    public void A_district_code_of_one_to_three_levels_is_accepted(string district)
    {
        using var provider = Services(new Dictionary<string, string?> { ["Aizu:Household:District"] = district }).BuildServiceProvider();
        Assert.Equal(district, provider.GetRequiredService<IOptions<HouseholdOptions>>().Value.District);
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddAizuHousehold(configuration.GetSection(HouseholdOptions.SectionName));
        return services;
    }
}
