namespace Aizu.Hardware.EchonetLite;

/// <summary>
/// Thrown when bytes received from an ECHONET Lite peer do not form a valid frame or property value.
/// </summary>
/// <remarks>
/// Derives from <see cref="FormatException"/> so callers that already treat malformed input generically keep
/// working, while the gateway can still tell a misbehaving meter apart from its own bugs.
/// </remarks>
public sealed class EchonetLiteFormatException : FormatException
{
    public EchonetLiteFormatException()
    {
    }

    public EchonetLiteFormatException(string message)
        : base(message)
    {
    }

    public EchonetLiteFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
