namespace Aizu.Consent.Tests;

public sealed class LedgerHashTests
{
    [Fact]
    public void Hash_IsSha256OfTheJcsForm()
    {
        // Expected value computed independently: Python's json.dumps(sort_keys=True,
        // separators=(",", ":"), ensure_ascii=False), which equals RFC 8785 for strings and integers.
        var hash = LedgerHash.Compute(
            seq: 7,
            time: "2026-03-01T09:00:00.0000000Z",
            type: "given",
            consentId: "c6a0e8a2-5d1f-4a7e-9d7b-0c3f5c2d9e11",
            version: 3,
            grantJson: "{\"a\":\"b\\\"c\",\"n\":1}\n\t\u0001ü",
            actor: "household",
            prevHash: new string('0', 64));

        Assert.Equal(ExpectedFromPython, hash);
    }

    private const string ExpectedFromPython = "3f163941c5be4d1cbe4fbd51108bc53193ddbf283bf7d5eb830fec61ecbbb88d";
}
