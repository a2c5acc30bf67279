namespace Aizu.Alerts.Tests;

public sealed class CapPropertyTests
{
    private static readonly string Example = Encoding.UTF8.GetString(Fixture.Example("level4-evacuation-order.xml"));

    // Characters that matter to XML and to CAP's own little formats, plus anything at all.
    private static readonly Gen<char> Interesting = Gen.OneOf(
        Gen.Char,
        Gen.OneOfConst("<>&;/\"'=!?[]-#%, :.+TZ0123456789\u0000\uFFFE\uD800 ".ToCharArray()));

    private static readonly Gen<(int Position, int Operation, string Text)> Mutation =
        Gen.Select(Gen.Int[0, Example.Length], Gen.Int[0, 2], Interesting.Array[1, 6].Select(c => new string(c)));

    [Fact]
    public void Parse_RandomBytes_ThrowsOnlyCapFormatException()
    {
        Gen.Byte.Array[0, 3000].Sample(bytes =>
        {
            try
            {
                CapParser.Parse(bytes);
            }
            catch (CapFormatException exception)
            {
                Assert.False(string.IsNullOrWhiteSpace(exception.Message));
            }
        }, iter: 3000);
    }

    [Fact]
    public void Parse_MutatedExample_EitherParsesToAValidAlertOrRejectsClearly()
    {
        Mutation.Array[1, 5].Sample(mutations =>
        {
            var xml = Mutate(Example, mutations);
            try
            {
                var alert = CapParser.Parse(Encoding.UTF8.GetBytes(xml));

                // Whatever survives a mutation still meets the invariants the board relies on.
                Assert.False(string.IsNullOrEmpty(alert.Identifier));
                Assert.False(string.IsNullOrEmpty(alert.Sender));
                Assert.All(alert.Infos, i => Assert.NotEmpty(i.Categories));
                Assert.All(alert.Infos.SelectMany(i => i.Areas).SelectMany(a => a.Polygons), p => Assert.Equal(p.Points[0], p.Points[^1]));
                _ = EvacuationLevels.Classify(alert);
            }
            catch (CapFormatException exception)
            {
                Assert.False(string.IsNullOrWhiteSpace(exception.Message));
            }
        }, iter: 3000);
    }

    [Fact]
    public void Parse_AnyDoctype_IsRejectedWithoutResolvingAnything()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var entity = Gen.OneOf(
            Gen.Const($"<!ENTITY e SYSTEM \"http://127.0.0.1:{port}/x\">"),
            Gen.Const("<!ENTITY e SYSTEM \"file:///etc/hostname\">"),
            Gen.Const($"<!ENTITY % p SYSTEM \"http://127.0.0.1:{port}/p.dtd\"> %p;"),
            Gen.Const("<!ENTITY e \"&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY f \"ffffffffffffffff\">"),
            Gen.String[0, 40].Select(s => $"<!ENTITY e \"{s.Replace("\"", "", StringComparison.Ordinal)}\">"));
        Gen.Select(entity.Array[1, 4], Gen.Bool).Sample((entities, useEntity) =>
        {
            var body = useEntity ? Example.Replace("<identifier>", "<identifier>&e;", StringComparison.Ordinal) : Example;
            var xml = body.Replace("<alert ", $"<!DOCTYPE alert [{string.Concat(entities)}]>\n<alert ", StringComparison.Ordinal);

            var error = Assert.Throws<CapFormatException>(() => CapParser.Parse(Encoding.UTF8.GetBytes(xml)));

            Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        }, iter: 500);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task Inbox_MutatedSignedMessage_NeverReachesTheBoard()
    {
        using var city = new TestCity();
        using var gateway = new TestGateway(city.PublicPem);
        var signed = Encoding.ASCII.GetString(city.Sign(Fixture.Example("level4-evacuation-order.xml")));

        await Gen.Select(Gen.Int[0, signed.Length - 1], Gen.Int[1, 93]).SampleAsync(async (index, shift) =>
        {
            var chars = signed.ToCharArray();
            chars[index] = (char)(33 + ((chars[index] - 33 + shift) % 94));
            var mutated = new string(chars);

            var receipt = await gateway.ReceiveAsync(Encoding.ASCII.GetBytes(mutated));

            // A base64url character change can only alter bits the decoder ignores if re-encoding differed,
            // which canonical decoding refuses: every change is rejected.
            Assert.True(receipt.IsRejected, $"{receipt.Outcome}: {receipt.Detail}");
            Assert.Empty(gateway.Board.GetCurrent());
        }, iter: 1000);

        Assert.Equal(gateway.Statistics.Received, gateway.Statistics.Rejected);
    }

    [Fact]
    public async Task Inbox_SignedMutatedXml_IsShownOnlyWhenItParses()
    {
        using var city = new TestCity();
        using var gateway = new TestGateway(city.PublicPem, new AlertPreferences());

        await Mutation.Array[1, 3].SampleAsync(async mutations =>
        {
            var xml = Mutate(Example, mutations);
            var receipt = await gateway.ReceiveAsync(city.Sign(xml));

            Assert.NotEqual(AlertOutcome.RejectedBadSignature, receipt.Outcome);
            if (receipt.Outcome == AlertOutcome.RejectedMalformed)
            {
                Assert.Throws<CapFormatException>(() => CapParser.Parse(Encoding.UTF8.GetBytes(xml)));
            }
        }, iter: 500);
    }

    private static string Mutate(string text, (int Position, int Operation, string Text)[] mutations)
    {
        var builder = new StringBuilder(text);
        foreach (var (position, operation, insert) in mutations)
        {
            var at = Math.Min(position, builder.Length);
            switch (operation)
            {
                case 0:
                    builder.Insert(at, insert);
                    break;
                case 1:
                    builder.Remove(at, Math.Min(insert.Length, builder.Length - at));
                    break;
                default:
                    builder.Remove(at, Math.Min(insert.Length, builder.Length - at)).Insert(at, insert);
                    break;
            }
        }

        return builder.ToString();
    }
}
