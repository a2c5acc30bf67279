namespace Aizu.Gateway.Tests.Identity;

/// <summary>A household's gateway directory, its configuration for the city's TLS listener and the id <c>aizu enroll</c> gave it.</summary>
internal sealed record EnrolledHome(TemporaryDirectory Directory, string Config, string GatewayId) : IDisposable
{
    public string Path => Directory.Path;

    public void Dispose() => Directory.Dispose();
}
