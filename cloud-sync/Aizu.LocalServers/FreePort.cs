namespace Aizu.LocalServers;

/// <summary>Loopback TCP ports for the servers the demo or a test starts.</summary>
public static class FreePort
{
    /// <summary>
    /// A port nothing listens on right now (the kernel's pick for port 0). Another process may take it
    /// before the caller binds; servers that fail to bind say so in their output.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Whether something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
