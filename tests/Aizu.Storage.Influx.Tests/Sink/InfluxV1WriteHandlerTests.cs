namespace Aizu.Storage.Influx.Tests.Sink;

public sealed class InfluxV1WriteHandlerTests
{
    private static InfluxV1WriteHandler Handler(string rp = "") => new("home db", rp, "aizu", "pw", new SocketsHttpHandler());

    [Fact]
    public void A_v2_write_becomes_a_1x_write_on_the_same_server_and_path_prefix()
    {
        using var handler = Handler("autogen");
        var translated = handler.Translate(new Uri("http://influx.local:8086/proxy/api/v2/write?org=-&bucket=home%20db%2Fautogen&precision=ns"));
        Assert.Equal("http://influx.local:8086/proxy/write?db=home%20db&rp=autogen&precision=n", translated!.AbsoluteUri);
    }

    [Fact]
    public void Without_a_retention_policy_the_database_default_is_used_and_ms_stays_ms()
    {
        using var handler = Handler();
        var translated = handler.Translate(new Uri("http://127.0.0.1:8086/api/v2/write?org=-&bucket=x&precision=ms"));
        Assert.Equal("http://127.0.0.1:8086/write?db=home%20db&precision=ms", translated!.AbsoluteUri);
    }

    [Fact]
    public void Other_requests_are_left_alone()
    {
        using var handler = Handler();
        Assert.Null(handler.Translate(new Uri("http://127.0.0.1:8086/ping")));
        Assert.Null(handler.Translate(new Uri("http://127.0.0.1:8086/api/v2/query?org=-")));
    }
}
