namespace Aizu.Hardware.Sml;

/// <summary>
/// Writes SML files and frames as a meter pushes them: PublicOpen.Res, GetList.Res, PublicClose.Res, each message
/// with its CRC. Used by the simulated meter and tests; the gateway itself only reads SML.
/// </summary>
public static class SmlFileWriter
{
    /// <summary>Writes the messages as an SML file (no transport frame).</summary>
    /// <exception cref="ArgumentException">A message body is not one of the three types this writer knows.</exception>
    public static byte[] WriteFile(IEnumerable<SmlMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var w = new SmlTlvWriter();
        foreach (var message in messages)
        {
            int start = w.Position;
            w.List(6);
            w.OctetString(message.TransactionId);
            w.Unsigned(message.GroupNumber, 1);
            w.Unsigned(message.AbortOnError, 1);
            w.List(2);
            w.Unsigned((ulong)message.Tag, 4);
            switch (message.Body)
            {
                case SmlOpenResponse open:
                    w.List(6);
                    w.OptionalOctetString(open.Codepage);
                    w.OptionalOctetString(open.ClientId);
                    w.OctetString(open.RequestFileId);
                    w.OctetString(open.ServerId);
                    w.Time(open.ReferenceTime);
                    if (open.SmlVersion is { } version)
                    {
                        w.Unsigned(version, 1);
                    }
                    else
                    {
                        w.Absent();
                    }

                    break;
                case SmlGetListResponse list:
                    WriteGetList(w, list);
                    break;
                case SmlCloseResponse close:
                    w.List(1);
                    w.OptionalOctetString(close.GlobalSignature);
                    break;
                default:
                    throw new ArgumentException($"Cannot write a message with tag {message.Tag}.", nameof(messages));
            }

            w.Unsigned(SmlCrc16.ComputeForMessage(w.Written[start..]), 2);
            w.EndOfMessage();
        }

        return w.Written.ToArray();
    }

    /// <summary>Writes the messages as a complete transport frame.</summary>
    public static byte[] WriteFrame(IEnumerable<SmlMessage> messages) => SmlTransport.Wrap(WriteFile(messages));

    private static void WriteGetList(SmlTlvWriter w, SmlGetListResponse list)
    {
        w.List(7);
        w.OptionalOctetString(list.ClientId);
        w.OctetString(list.ServerId);
        w.OptionalOctetString(list.ListName);
        w.Time(list.SensorTime);
        w.List(list.Entries.Count);
        foreach (var entry in list.Entries)
        {
            w.List(7);
            w.OctetString(entry.ObjectName);
            if (entry.Status is { } status)
            {
                w.Unsigned(status, 4);
            }
            else
            {
                w.Absent();
            }

            w.Time(entry.ValueTime);
            if (entry.Unit is { } unit)
            {
                w.Unsigned(unit, 1);
            }
            else
            {
                w.Absent();
            }

            if (entry.Scaler is { } scaler)
            {
                w.Signed(scaler, 1);
            }
            else
            {
                w.Absent();
            }

            w.Value(entry.Value);
            w.OptionalOctetString(entry.Signature);
        }

        w.OptionalOctetString(list.ListSignature);
        w.Time(list.GatewayTime);
    }
}
