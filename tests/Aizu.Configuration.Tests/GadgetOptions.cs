namespace Aizu.Configuration.Tests;

/// <summary>Options of a made-up component, to exercise registration and validation.</summary>
public sealed class GadgetOptions
{
    public int Count { get; set; } = 1;

    public string Name { get; set; } = "gadget";
}
