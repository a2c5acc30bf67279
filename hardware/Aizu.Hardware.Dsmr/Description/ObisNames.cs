namespace Aizu.Hardware.Dsmr;

/// <summary>English names of the objects P1 telegrams carry, for descriptions.</summary>
internal static class ObisNames
{
    public static string? Name(ObisCode o)
    {
        if (o.A == 1 && o.B == 0)
        {
            return (o.C, o.D, o.E) switch
            {
                (1, 8, 0) => "energy imported, total",
                (1, 8, 1) => "energy imported, tariff 1",
                (1, 8, 2) => "energy imported, tariff 2",
                (2, 8, 0) => "energy exported, total",
                (2, 8, 1) => "energy exported, tariff 1",
                (2, 8, 2) => "energy exported, tariff 2",
                (1, 7, 0) => "power imported",
                (2, 7, 0) => "power exported",
                (21, 7, 0) => "power imported, L1",
                (41, 7, 0) => "power imported, L2",
                (61, 7, 0) => "power imported, L3",
                (22, 7, 0) => "power exported, L1",
                (42, 7, 0) => "power exported, L2",
                (62, 7, 0) => "power exported, L3",
                (32, 7, 0) => "voltage L1",
                (52, 7, 0) => "voltage L2",
                (72, 7, 0) => "voltage L3",
                (31, 7, 0) => "current L1",
                (51, 7, 0) => "current L2",
                (71, 7, 0) => "current L3",
                (32, 32, 0) => "voltage sags L1",
                (52, 32, 0) => "voltage sags L2",
                (72, 32, 0) => "voltage sags L3",
                (32, 36, 0) => "voltage swells L1",
                (52, 36, 0) => "voltage swells L2",
                (72, 36, 0) => "voltage swells L3",
                (99, 97, 0) => "long power failure log",
                (1, 4, 0) => "average demand, running quarter hour",
                (1, 6, 0) => "peak demand this month",
                (31, 4, 0) => "current limit per phase",
                _ => null,
            };
        }

        if (o.A == 1 && o.B == 3 && (o.C, o.D, o.E) == (0, 2, 8))
        {
            return "P1 version";
        }

        if (o.A != 0)
        {
            return null;
        }

        if (o.B == 0)
        {
            return (o.C, o.D, o.E) switch
            {
                (1, 0, 0) => "telegram time",
                (96, 1, 1) => "equipment identifier",
                (96, 1, 4) => "e-MUCS version",
                (96, 14, 0) => "tariff now",
                (96, 7, 21) => "power failures",
                (96, 7, 9) => "long power failures",
                (96, 13, 0) => "text message",
                (96, 13, 1) => "message code",
                (96, 3, 10) => "breaker state",
                (17, 0, 0) => "power limit",
                (98, 1, 0) => "monthly peak demand history",
                _ => null,
            };
        }

        return (o.C, o.D, o.E) switch
        {
            (24, 1, 0) => "M-Bus device type",
            (96, 1, 0) or (96, 1, 1) => "M-Bus equipment identifier",
            (24, 2, 1) => "M-Bus value",
            (24, 2, 3) => "M-Bus value (not temperature corrected)",
            (24, 3, 0) => "M-Bus value (DSMR 2.2/3 format)",
            (24, 4, 0) => "M-Bus valve position",
            _ => null,
        };
    }
}
