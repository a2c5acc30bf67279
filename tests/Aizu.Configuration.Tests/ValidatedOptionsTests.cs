namespace Aizu.Configuration.Tests;

public sealed class ValidatedOptionsTests
{
    [Fact]
    public void A_bad_value_is_refused_naming_the_key_under_the_section_it_was_bound_from()
    {
        using var provider = Register(new() { ["Site:Gadget:Count"] = "0" }, root => root.GetSection("Site:Gadget"));

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GadgetOptions>>().Value);

        Assert.Equal(new[] { "Site:Gadget:Count must be at least 1; it is 0." }, refused.Failures);
    }

    [Fact]
    public void Bound_from_a_configuration_root_the_messages_name_the_default_section()
    {
        using var provider = Register(new() { ["Count"] = "-2", ["Name"] = " " }, root => root);

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GadgetOptions>>().Value);

        Assert.Equal(new[] { "Aizu:Gadget:Count must be at least 1; it is -2.", "Aizu:Gadget:Name is required." }, refused.Failures);
    }

    [Fact]
    public void Good_values_are_bound_and_configure_runs_after_binding()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Aizu:Gadget:Count"] = "3" }).Build();
        var services = new ServiceCollection();
        services.AddValidatedOptions<GadgetOptions>(configuration.GetSection("Aizu:Gadget"), "Aizu:Gadget", path => new GadgetOptionsValidator(path), (from, options) => from.Bind(options))
            .Configure(options => options.Name = "configured");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GadgetOptions>>().Value;

        Assert.Equal((3, "configured"), (options.Count, options.Name));
    }

    [Fact]
    public void Registering_twice_keeps_one_validator()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddValidatedOptions<GadgetOptions>(configuration, "Aizu:Gadget", path => new GadgetOptionsValidator(path), (from, options) => from.Bind(options));
        services.AddValidatedOptions<GadgetOptions>(configuration, "Aizu:Gadget", path => new GadgetOptionsValidator(path), (from, options) => from.Bind(options));

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<GadgetOptions>));
    }

    [Theory]
    [InlineData("0x76", 0x76)]
    [InlineData(" 0X3c ", 0x3C)]
    [InlineData("118", 118)]
    [InlineData("", 0x44)]
    [InlineData(null, 0x44)]
    public void I2c_addresses_are_read_as_installers_write_them(string? text, int expected)
    {
        Assert.True(I2cAddressSetting.TryParse(text, () => 0x44, out var address));
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData("0x02")]
    [InlineData("0x78")]
    [InlineData("120")]
    [InlineData("0x")]
    [InlineData("-1")]
    [InlineData("seventy")]
    public void I2c_addresses_outside_the_device_range_or_not_numbers_are_refused(string text)
    {
        Assert.False(I2cAddressSetting.TryParse(text, () => throw new InvalidOperationException("the usual address is not needed"), out _));
    }

    private static ServiceProvider Register(Dictionary<string, string?> settings, Func<IConfigurationRoot, IConfiguration> section)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddValidatedOptions<GadgetOptions>(section(configuration), "Aizu:Gadget", path => new GadgetOptionsValidator(path), (from, options) => from.Bind(options));
        return services.BuildServiceProvider();
    }
}
