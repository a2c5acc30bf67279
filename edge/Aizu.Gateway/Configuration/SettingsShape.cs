namespace Aizu.Gateway.Configuration;

/// <summary>
/// An options class whose public properties <see cref="ConfigurationGuard"/> reads. The annotation makes the
/// trimmer and Native AOT keep those properties' metadata: without it the published gateway saw options
/// classes with no properties and refused every key.
/// </summary>
internal sealed class SettingsShape([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type)
{
    /// <summary>The options class.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
    public Type Type { get; } = type;

    /// <summary>The shape of <typeparamref name="T"/>.</summary>
    public static SettingsShape Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>() => new(typeof(T));
}
