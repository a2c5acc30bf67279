namespace Aizu.Alerts.Tests;

/// <summary>Every real CAP file of <c>Corpus/cap</c> is read, and what its source states is what the parser reports.</summary>
public sealed class CapCorpusTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Corpus", "cap");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Manifest().EnumerateArray())
        {
            data.Add(entry.GetProperty("file").GetString()!);
        }

        return data;
    }

    [Fact]
    public void Manifest_CoversEveryFileAndNamesSourceAndLicence()
    {
        var listed = Manifest().EnumerateArray().Select(e => e.GetProperty("file").GetString()!.Replace('/', Path.DirectorySeparatorChar)).ToHashSet();
        var present = Directory.EnumerateFiles(Root, "*.xml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)).ToHashSet();

        Assert.Equal(present.Order(), listed.Order());
        Assert.True(listed.Count >= 20, $"The corpus has {listed.Count} files; at least 20 are required.");
        foreach (var entry in Manifest().EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("licence").GetString()));
            var source = entry.GetProperty("source");
            Assert.True(source.TryGetProperty("url", out _) || (source.TryGetProperty("repo", out _) && source.GetProperty("commit").GetString()!.Length == 40));
        }
    }

    [Fact]
    public void Corpus_HoldsAtLeastThreeNationalFeedsAndBothCapVersions()
    {
        var accepted = Manifest().EnumerateArray().Where(e => e.GetProperty("expect").GetProperty("accepted").GetBoolean()).ToList();
        var countries = accepted.Select(e => e.GetProperty("file").GetString()!.Split('/')[0]).Where(f => f is not ("oasis" or "refused")).Distinct().Count();

        Assert.True(countries >= 3, $"{countries} national feeds");
        Assert.Contains(accepted, e => e.GetProperty("expect").GetProperty("version").GetString() == "1.1");
        Assert.Contains(accepted, e => e.GetProperty("expect").GetProperty("version").GetString() == "1.2");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_CorpusFile_ReportsWhatTheSourceStates(string file)
    {
        var entry = Manifest().EnumerateArray().Single(e => e.GetProperty("file").GetString() == file);
        var expect = entry.GetProperty("expect");
        var bytes = File.ReadAllBytes(Path.Combine(Root, file));

        if (!expect.GetProperty("accepted").GetBoolean())
        {
            var error = Assert.Throws<CapFormatException>(() => CapParser.Parse(bytes));
            Assert.Contains(expect.GetProperty("error").GetString()!, error.Message, StringComparison.Ordinal);
            return;
        }

        var alert = CapParser.Parse(bytes);

        Assert.Equal(expect.GetProperty("version").GetString() == "1.1" ? CapVersion.Cap11 : CapVersion.Cap12, alert.Version);
        Assert.Equal(Text(expect, "identifier"), alert.Identifier);
        Assert.Equal(Text(expect, "sender"), alert.Sender);
        Assert.Equal(DateTimeOffset.Parse(Text(expect, "sent"), System.Globalization.CultureInfo.InvariantCulture), alert.Sent);
        Assert.Equal(Text(expect, "status"), alert.Status.ToString());
        Assert.Equal(Text(expect, "msgType"), alert.MessageType.ToString());
        Assert.Equal(Text(expect, "scope"), alert.Scope.ToString());
        Assert.Equal(expect.GetProperty("references").GetInt32(), alert.References.Count);
        Assert.Equal(expect.GetProperty("infos").GetInt32(), alert.Infos.Count);
        if (alert.Infos.Count == 0)
        {
            return;
        }

        var info = alert.Infos[0];
        Assert.Equal(Text(expect, "language"), info.Language);
        Assert.Equal(Text(expect, "event"), info.Event);
        Assert.Equal(Text(expect, "urgency"), info.Urgency.ToString());
        Assert.Equal(Text(expect, "severity"), info.Severity.ToString());
        Assert.Equal(Text(expect, "certainty"), info.Certainty.ToString());
        Assert.Equal(expect.GetProperty("categories").EnumerateArray().Select(c => c.GetString()), info.Categories.Select(c => c.ToString()));
        Assert.Equal(expect.GetProperty("areas").GetInt32(), info.Areas.Count);
        DateTimeOffset? expires = expect.TryGetProperty("expires", out var end) ? DateTimeOffset.Parse(end.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null;
        Assert.Equal(expires, info.Expires);
    }

    private static string Text(JsonElement expect, string name) => expect.GetProperty(name).GetString()!;

    private static JsonElement Manifest()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, "manifest.json")));
        return document.RootElement.GetProperty("files").Clone();
    }
}
