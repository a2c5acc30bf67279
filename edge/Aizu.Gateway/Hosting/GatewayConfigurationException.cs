namespace Aizu.Gateway.Hosting;

/// <summary>The configuration is wrong; <see cref="Problems"/> says each thing to fix.</summary>
internal sealed class GatewayConfigurationException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
