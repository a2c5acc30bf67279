namespace Aizu.Testing.SerialMeters;

/// <summary>
/// Changes one object of a real telegram the way odd meters and firmware do (a value of another form, another OBIS
/// code, another unit, the decimal point moved) or inserts an object nobody knows, then writes a fresh CRC: the result
/// is a telegram a meter could really send, which the gateway must accept while skipping what it cannot use.
/// </summary>
/// <param name="random">Seeded by the test, so a failure names a run that can be repeated.</param>
public sealed class TelegramMutator(Random random)
{
    private static readonly string[] Units = ["kWh", "Wh", "kW", "W", "V", "A", "m3", "GJ", "kvarh", "s", "", "KWH", "m 3"];

    private static readonly string[] Alphabet = ["0", "1", "2", "5", "9", ".", "-", "+", "e", "x", " ", "*", ":", "F"];

    /// <summary>The mutated telegram, CRC included, and what was done.</summary>
    /// <param name="lines">The telegram's lines from the header through the line before '!', without line ends.</param>
    /// <returns>The changed lines, the index of the changed line (-1 for an inserted one), the OBIS codes whose objects
    /// the change may touch, and a description for failure messages.</returns>
    public (List<string> Lines, int Changed, List<string> Touched, string What) Mutate(IReadOnlyList<string> lines)
    {
        var result = lines.ToList();
        var objects = Enumerable.Range(0, result.Count).Where(i => IsObject(result[i])).ToList();
        int kind = random.Next(5);
        if (kind == 4 || objects.Count == 0)
        {
            int at = 2 + random.Next(result.Count - 1);
            string inserted = UnknownObject();
            result.Insert(at, inserted);
            return (result, -1, [], $"inserting \"{inserted}\" at line {at + 1}");
        }

        int index = objects[random.Next(objects.Count)];
        string line = result[index];
        string obis = line[..line.IndexOf('(', StringComparison.Ordinal)];
        int open = line.LastIndexOf('(');
        string value = line[(open + 1)..^1];
        int star = value.IndexOf('*', StringComparison.Ordinal);
        string number = star < 0 ? value : value[..star];
        string unit = star < 0 ? string.Empty : value[(star + 1)..];
        var touched = new List<string> { obis };
        string changed;
        switch (kind)
        {
            case 0:
                changed = line[..(open + 1)] + Garble(number) + (star < 0 ? string.Empty : "*" + unit) + ")";
                break;
            case 1:
                string other = result[objects[random.Next(objects.Count)]];
                string code = random.Next(2) == 0
                    ? other[..other.IndexOf('(', StringComparison.Ordinal)]
                    : string.Create(CultureInfo.InvariantCulture, $"{random.Next(10)}-{random.Next(10)}:{100 + random.Next(100)}.{random.Next(100)}.{random.Next(10)}");
                touched.Add(code);
                changed = code + line[obis.Length..];
                break;
            case 2:
                changed = line[..(open + 1)] + number + "*" + Units[random.Next(Units.Length)] + ")";
                break;
            default:
                changed = line[..(open + 1)] + MoveDecimalPoint(number) + (star < 0 ? string.Empty : "*" + unit) + ")";
                break;
        }

        result[index] = changed;
        return (result, index, touched, $"changing line {index + 1} \"{line}\" to \"{changed}\"");
    }

    /// <summary>The telegram's bytes from its lines: CR LF line ends, '!', the CRC over all before it.</summary>
    public static byte[] Write(IEnumerable<string> lines)
    {
        string body = string.Join("\r\n", lines) + "\r\n!";
        byte[] bytes = Encoding.ASCII.GetBytes(body);
        return [.. bytes, .. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{DsmrCrc16.Compute(bytes):X4}\r\n"))];
    }

    /// <summary>The lines of a real telegram, header through the line before '!'.</summary>
    public static List<string> Lines(string telegram)
    {
        string[] lines = telegram[telegram.IndexOf('/', StringComparison.Ordinal)..telegram.IndexOf('!', StringComparison.Ordinal)].Split('\n');
        return [.. lines[..^1].Select(l => l.TrimEnd('\r'))];
    }

    /// <summary>The OBIS code of an object line, or null.</summary>
    public static string? Obis(string line) => IsObject(line) ? line[..line.IndexOf('(', StringComparison.Ordinal)] : null;

    // Objects with a value in parentheses; continuation lines of DSMR 2.2 gas start with '(' and are left alone.
    private static bool IsObject(string line) =>
        line.Length > 0 && char.IsAsciiDigit(line[0]) && line.Contains('(', StringComparison.Ordinal) && line.EndsWith(')');

    private string Garble(string number)
    {
        var text = new StringBuilder();
        int length = random.Next(0, 14);
        for (int i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        // Sometimes a huge number of the right form, as a meter with a broken register sends.
        return random.Next(4) == 0 ? new string('9', 20 + random.Next(30)) + "." + number : text.ToString();
    }

    private string MoveDecimalPoint(string number)
    {
        string digits = number.Replace(".", string.Empty, StringComparison.Ordinal);
        int at = random.Next(digits.Length + 1);
        return random.Next(3) == 0 ? digits : digits[..at] + "." + digits[at..];
    }

    private string UnknownObject() => random.Next(5) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"0-0:96.13.{random.Next(2, 99)}({random.Next():X8})"),
        1 => string.Create(CultureInfo.InvariantCulture, $"1-0:{100 + random.Next(100)}.7.0({random.Next(1000):D2}.{random.Next(1000):D3}*kW)"),
        2 => "9-9:9.9.9(x)(y)(z)",
        3 => "(00012.345)",
        _ => "~~ gateway note ~~",
    };
}
