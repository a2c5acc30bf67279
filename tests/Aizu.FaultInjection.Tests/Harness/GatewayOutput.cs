namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>What a gateway process printed, read as an installer reads its journal: lines of a kind, and no stack trace.</summary>
internal static class GatewayOutput
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    /// <summary>How often <paramref name="gateway"/> has said <paramref name="text"/> so far.</summary>
    public static int Lines(GatewayProcess gateway, string text) => Regex.Count(gateway.Output, Regex.Escape(text));

    /// <summary>Waits until <paramref name="gateway"/> has said <paramref name="text"/> at least <paramref name="count"/> times.</summary>
    public static Task LinesAsync(GatewayProcess gateway, string text, int count) =>
        Eventually.TrueAsync(() => Lines(gateway, text) >= count, Limit, () => $"the gateway said \"{text}\" {count} times:{Environment.NewLine}{gateway.Output}");

    /// <summary>Fails when <paramref name="gateway"/> printed a stack trace: every error it reports is one line.</summary>
    public static void AssertNoStackTrace(GatewayProcess gateway) => AssertNoStackTrace(gateway.Output);

    /// <summary>Fails when <paramref name="output"/>, what a gateway printed, holds a stack trace.</summary>
    public static void AssertNoStackTrace(string output) =>
        Assert.False(Regex.IsMatch(output, @"^\s+at ", RegexOptions.Multiline), $"a stack trace in the gateway's output:{Environment.NewLine}{output}");
}
