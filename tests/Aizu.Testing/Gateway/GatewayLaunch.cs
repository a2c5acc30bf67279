namespace Aizu.Testing;

/// <summary>
/// Where a test starts the gateway program: through <see cref="Launcher"/> (a command that execs the program, such as
/// <c>ip netns exec &lt;namespace&gt;</c>), with its panel listening on <see cref="PanelHost"/> (a free port), and with
/// extra <see cref="Environment"/> (configuration as <c>AIZU_Aizu__Section__Key</c>).
/// </summary>
public sealed record GatewayLaunch(IReadOnlyList<string> Launcher, string PanelHost, IReadOnlyDictionary<string, string> Environment);
