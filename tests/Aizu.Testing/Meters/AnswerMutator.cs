
namespace Aizu.Testing;

/// <summary>
/// Changes one property of a smart meter's ECHONET Lite answer the way odd meters and firmware do (another value,
/// another property code, another length, PDC kept right) or inserts a property nobody asked for: a well-formed frame
/// a meter could really send, which the gateway must use while skipping what it cannot.
/// </summary>
/// <param name="random">Seeded by the test, so a failure names a run that can be repeated.</param>
public sealed class AnswerMutator(Random random)
{
    private const int HeaderLength = 12;

    // Unknown codes, and the meter's own whose values the driver decodes, to be met where they were not asked for.
    private static readonly byte[] Codes = [0xF0, 0xF7, 0xFF, 0x80, 0xE0, 0xE2, 0xE3, 0xE4, 0xE7, 0xE8, 0xEA, 0xD3, 0xE1];

    /// <summary>The properties of a format 1 frame: (EPC, EDT) in order.</summary>
    public static List<(byte Epc, byte[] Edt)> Properties(byte[] frame)
    {
        var list = new List<(byte, byte[])>();
        int offset = HeaderLength;
        for (int i = 0; i < frame[HeaderLength - 1]; i++)
        {
            byte pdc = frame[offset + 1];
            list.Add((frame[offset], frame[(offset + 2)..(offset + 2 + pdc)]));
            offset += 2 + pdc;
        }

        return list;
    }

    /// <summary>The frame with its header and <paramref name="properties"/>, OPC and every PDC matching.</summary>
    public static byte[] Write(byte[] header, IEnumerable<(byte Epc, byte[] Edt)> properties)
    {
        var list = properties.ToList();
        var bytes = new List<byte>(header[..(HeaderLength - 1)]) { (byte)list.Count };
        foreach (var (epc, edt) in list)
        {
            bytes.Add(epc);
            bytes.Add((byte)edt.Length);
            bytes.AddRange(edt);
        }

        return [.. bytes];
    }

    /// <summary>The mutated frame, the property codes the change may touch, and a description for failure messages.</summary>
    public (byte[] Frame, List<byte> Touched, string What) Mutate(byte[] frame)
    {
        var properties = Properties(frame);
        int kind = random.Next(4);
        if (kind == 3 || properties.Count == 0)
        {
            byte epc = Codes[random.Next(Codes.Length)];
            int at = random.Next(properties.Count + 1);
            properties.Insert(at, (epc, RandomBytes(random.Next(0, 20))));
            return (Write(frame, properties), [epc], $"inserting EPC 0x{epc:X2} at {at}");
        }

        int index = random.Next(properties.Count);
        var (oldEpc, oldEdt) = properties[index];
        var changed = kind switch
        {
            0 => (oldEpc, RandomBytes(oldEdt.Length)),
            1 => (Codes[random.Next(Codes.Length)], oldEdt),
            _ => (oldEpc, RandomBytes(random.Next(0, 70))),
        };
        properties[index] = changed;
        return (Write(frame, properties), [oldEpc, changed.Item1],
            $"changing 0x{oldEpc:X2} {Convert.ToHexString(oldEdt)} to 0x{changed.Item1:X2} {Convert.ToHexString(changed.Item2)}");
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
