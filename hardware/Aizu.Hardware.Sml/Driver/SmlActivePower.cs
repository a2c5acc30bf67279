namespace Aizu.Hardware.Sml;

/// <summary>
/// The household's net active power (import positive, export negative) from whichever power objects a meter sends.
/// German meters differ: most send 1-0:16.7.0, some only 1-0:15.7.0, 1-0:1.7.0, 1-0:1.7.x or the three phases.
/// </summary>
/// <remarks>
/// Precedence, first match wins (docs/hardware.md says the same):
/// <list type="number">
/// <item>1-0:16.7.0, signed: the net power as the meter means it.</item>
/// <item>1-0:1.7.0 minus 1-0:2.7.0 (either may be missing): import and export power. Some meters send 1.7.0 signed
/// (negative while exporting); its sign is kept.</item>
/// <item>1-0:1.7.1 (Hager/EMH eHZ361 and others send power only as this tariff-1 object), signed as sent.</item>
/// <item>1-0:15.7.0, absolute (|import − export|): negative only when the status word of 1-0:1.8.0 says the energy
/// flows out (FNN/BSI 32-bit status bit 0x800; EMH's 16-bit EDL21 status bit 0x20), otherwise import.</item>
/// <item>The sum of 1-0:36.7.0, 56.7.0 and 76.7.0 (per-phase signed power), when all three are sent.</item>
/// </list>
/// Every value must be in W (unit 27); one in another unit is not used.
/// </remarks>
internal static class SmlActivePower
{
    /// <summary>Total-energy direction in the FNN/BSI status word: set while energy flows to the grid.</summary>
    private const ulong FnnExportBit = 0x800;

    /// <summary>The same in EMH's 16-bit EDL21 status word (libsml-testing EMH-ED300L: 0x182 consumption, 0x1B0 delivery).</summary>
    private const ulong Edl21ExportBit = 0x20;

    /// <summary>The net power and the object it came from, or null when the file carries none usable.</summary>
    public static (decimal Watts, string Source)? Select(IEnumerable<SmlListEntry> entries)
    {
        decimal? net = null, import = null, export = null, tariff1 = null, absolute = null;
        decimal?[] phases = new decimal?[3];
        ulong? status = null;
        foreach (var e in entries)
        {
            if (e.Obis is not { A: 1, B: 0 } o)
            {
                continue;
            }

            if ((o.C, o.D, o.E) == (1, 8, 0))
            {
                status = e.Status;
                continue;
            }

            if (o.D != 7 || e.Unit != SmlUnits.Watt || e.ScaledValue is not { } w)
            {
                continue;
            }

            switch (o.C, o.E)
            {
                case (16, 0): net ??= w; break;
                case (1, 0): import ??= w; break;
                case (2, 0): export ??= w; break;
                case (1, 1): tariff1 ??= w; break;
                case (15, 0): absolute ??= w; break;
                case (36 or 56 or 76, 0): phases[(o.C - 36) / 20] ??= w; break;
            }
        }

        if (net is { } n)
        {
            return (n, "1-0:16.7.0");
        }

        if (import is not null || export is not null)
        {
            return ((import ?? 0) - (export ?? 0), import is null ? "1-0:2.7.0" : export is null ? "1-0:1.7.0" : "1-0:1.7.0 − 1-0:2.7.0");
        }

        if (tariff1 is { } t)
        {
            return (t, "1-0:1.7.1");
        }

        if (absolute is { } a)
        {
            bool exporting = status is { } s && (s > 0xFFFF ? (s & FnnExportBit) != 0 : (s & Edl21ExportBit) != 0);
            return (exporting ? -Math.Abs(a) : Math.Abs(a), exporting ? "1-0:15.7.0 (exporting, from the status word)" : "1-0:15.7.0");
        }

        return phases is [{ } l1, { } l2, { } l3] ? (l1 + l2 + l3, "1-0:36.7.0 + 56.7.0 + 76.7.0") : null;
    }
}
