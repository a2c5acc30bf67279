using System.Text;

namespace Aizu.Testing.Captures;

/// <summary>
/// Telegrams captured from real meters and published as test data by open-source P1 readers. Only the bytes are
/// reused (test vectors); every CRC below is the one the source published, and the tests check ours agrees.
/// </summary>
public static class RealTelegrams
{
    /// <summary>DSMR 2.2, Iskra ME382, no CRC, gas in the 24.3.0 two-line format.
    /// Source: ndokter/dsmr_parser, test/example_telegrams.py (TELEGRAM_V2_2).</summary>
    public const string V22 =
        "/ISk5\\2MT382-1004\r\n" +
        "\r\n" +
        "0-0:96.1.1(00000000000000)\r\n" +
        "1-0:1.8.1(00001.001*kWh)\r\n" +
        "1-0:1.8.2(00001.001*kWh)\r\n" +
        "1-0:2.8.1(00001.001*kWh)\r\n" +
        "1-0:2.8.2(00001.001*kWh)\r\n" +
        "0-0:96.14.0(0001)\r\n" +
        "1-0:1.7.0(0001.01*kW)\r\n" +
        "1-0:2.7.0(0000.00*kW)\r\n" +
        "0-0:17.0.0(0999.00*kW)\r\n" +
        "0-0:96.3.10(1)\r\n" +
        "0-0:96.13.1()\r\n" +
        "0-0:96.13.0()\r\n" +
        "0-1:24.1.0(3)\r\n" +
        "0-1:96.1.0(000000000000)\r\n" +
        "0-1:24.3.0(161107190000)(00)(60)(1)(0-1:24.2.1)(m3)\r\n" +
        "(00001.001)\r\n" +
        "0-1:24.4.0(1)\r\n" +
        "!\r\n";

    /// <summary>DSMR 3.0, no CRC. Source: ndokter/dsmr_parser, test/example_telegrams.py (TELEGRAM_V3).</summary>
    public const string V3 =
        "/ISk5\\2MT382-1000\r\n" +
        "\r\n" +
        "0-0:96.1.1(4B384547303034303436333935353037)\r\n" +
        "1-0:1.8.1(12345.678*kWh)\r\n" +
        "1-0:1.8.2(12345.678*kWh)\r\n" +
        "1-0:2.8.1(12345.678*kWh)\r\n" +
        "1-0:2.8.2(12345.678*kWh)\r\n" +
        "0-0:96.14.0(0002)\r\n" +
        "1-0:1.7.0(001.19*kW)\r\n" +
        "1-0:2.7.0(000.00*kW)\r\n" +
        "0-0:17.0.0(016*A)\r\n" +
        "0-0:96.3.10(1)\r\n" +
        "0-0:96.13.1(303132333435363738)\r\n" +
        "0-0:96.13.0(303132333435363738393A3B3C3D3E3F303132333435363738393A3B3C3D3E" +
        "3F303132333435363738393A3B3C3D3E3F303132333435363738393A3B3C3D3E3F30313233" +
        "3435363738393A3B3C3D3E3F)\r\n" +
        "0-1:96.1.0(3232323241424344313233343536373839)\r\n" +
        "0-1:24.1.0(03)\r\n" +
        "0-1:24.3.0(090212160000)(00)(60)(1)(0-1:24.2.1)(m3)\r\n" +
        "(00001.001)\r\n" +
        "0-1:24.4.0(1)\r\n" +
        "!\r\n";

    /// <summary>DSMR 4.2, Kaifa, CRC 6796, with a power failure log.
    /// Source: ndokter/dsmr_parser, test/example_telegrams.py (TELEGRAM_V4_2).</summary>
    public const string V42 =
        "/KFM5KAIFA-METER\r\n" +
        "\r\n" +
        "1-3:0.2.8(42)\r\n" +
        "0-0:1.0.0(161113205757W)\r\n" +
        "0-0:96.1.1(3960221976967177082151037881335713)\r\n" +
        "1-0:1.8.1(001581.123*kWh)\r\n" +
        "1-0:1.8.2(001435.706*kWh)\r\n" +
        "1-0:2.8.1(000000.000*kWh)\r\n" +
        "1-0:2.8.2(000000.000*kWh)\r\n" +
        "0-0:96.14.0(0002)\r\n" +
        "1-0:1.7.0(02.027*kW)\r\n" +
        "1-0:2.7.0(00.000*kW)\r\n" +
        "0-0:96.7.21(00015)\r\n" +
        "0-0:96.7.9(00007)\r\n" +
        "1-0:99.97.0(3)(0-0:96.7.19)(000104180320W)(0000237126*s)(000101000001W)" +
        "(2147583646*s)(000102000003W)(2317482647*s)\r\n" +
        "1-0:32.32.0(00000)\r\n" +
        "1-0:52.32.0(00000)\r\n" +
        "1-0:72.32.0(00000)\r\n" +
        "1-0:32.36.0(00000)\r\n" +
        "1-0:52.36.0(00000)\r\n" +
        "1-0:72.36.0(00000)\r\n" +
        "0-0:96.13.1()\r\n" +
        "0-0:96.13.0()\r\n" +
        "1-0:31.7.0(000*A)\r\n" +
        "1-0:51.7.0(006*A)\r\n" +
        "1-0:71.7.0(002*A)\r\n" +
        "1-0:21.7.0(00.170*kW)\r\n" +
        "1-0:22.7.0(00.000*kW)\r\n" +
        "1-0:41.7.0(01.247*kW)\r\n" +
        "1-0:42.7.0(00.000*kW)\r\n" +
        "1-0:61.7.0(00.209*kW)\r\n" +
        "1-0:62.7.0(00.000*kW)\r\n" +
        "0-1:24.1.0(003)\r\n" +
        "0-1:96.1.0(4819243993373755377509728609491464)\r\n" +
        "0-1:24.2.1(161129200000W)(00981.443*m3)\r\n" +
        "!6796\r\n";

    /// <summary>DSMR 5.0, Iskra AM550, CRC 6EEE, three phases and gas.
    /// Source: ndokter/dsmr_parser, test/example_telegrams.py (TELEGRAM_V5).</summary>
    public const string V50 =
        "/ISk5\\2MT382-1000\r\n" +
        "\r\n" +
        "1-3:0.2.8(50)\r\n" +
        "0-0:1.0.0(170102192002W)\r\n" +
        "0-0:96.1.1(4B384547303034303436333935353037)\r\n" +
        "1-0:1.8.1(000004.426*kWh)\r\n" +
        "1-0:1.8.2(000002.399*kWh)\r\n" +
        "1-0:2.8.1(000002.444*kWh)\r\n" +
        "1-0:2.8.2(000000.000*kWh)\r\n" +
        "0-0:96.14.0(0002)\r\n" +
        "1-0:1.7.0(00.244*kW)\r\n" +
        "1-0:2.7.0(00.000*kW)\r\n" +
        "0-0:96.7.21(00013)\r\n" +
        "0-0:96.7.9(00000)\r\n" +
        "1-0:99.97.0(0)(0-0:96.7.19)\r\n" +
        "1-0:32.32.0(00000)\r\n" +
        "1-0:52.32.0(00000)\r\n" +
        "1-0:72.32.0(00000)\r\n" +
        "1-0:32.36.0(00000)\r\n" +
        "1-0:52.36.0(00000)\r\n" +
        "1-0:72.36.0(00000)\r\n" +
        "0-0:96.13.0()\r\n" +
        "1-0:32.7.0(0230.0*V)\r\n" +
        "1-0:52.7.0(0230.0*V)\r\n" +
        "1-0:72.7.0(0229.0*V)\r\n" +
        "1-0:31.7.0(0.48*A)\r\n" +
        "1-0:51.7.0(0.44*A)\r\n" +
        "1-0:71.7.0(0.86*A)\r\n" +
        "1-0:21.7.0(00.070*kW)\r\n" +
        "1-0:41.7.0(00.032*kW)\r\n" +
        "1-0:61.7.0(00.142*kW)\r\n" +
        "1-0:22.7.0(00.000*kW)\r\n" +
        "1-0:42.7.0(00.000*kW)\r\n" +
        "1-0:62.7.0(00.000*kW)\r\n" +
        "0-1:24.1.0(003)\r\n" +
        "0-1:96.1.0(3232323241424344313233343536373839)\r\n" +
        "0-1:24.2.1(170102161005W)(00000.107*m3)\r\n" +
        "0-2:24.1.0(003)\r\n" +
        "0-2:96.1.0()\r\n" +
        "!6EEE\r\n";

    /// <summary>DSMR 5.0 (Luxembourg), Sagemcom T210-D-r, CRC 7EF9, registers in Wh and powers in W.
    /// Source: ndokter/dsmr_parser, test/example_telegrams.py (TELEGRAM_SAGEMCOM_T210_D_R).</summary>
    public const string SagemcomT210 =
        "/EST5\\253710000_A\r\n" +
        "\r\n" +
        "1-3:0.2.8(50)\r\n" +
        "0-0:1.0.0(221006155014S)\r\n" +
        "1-0:1.8.0(006545766*Wh)\r\n" +
        "1-0:1.8.1(005017120*Wh)\r\n" +
        "1-0:1.8.2(001528646*Wh)\r\n" +
        "1-0:1.7.0(000000286*W)\r\n" +
        "1-0:2.8.0(000000058*Wh)\r\n" +
        "1-0:2.8.1(000000000*Wh)\r\n" +
        "1-0:2.8.2(000000058*Wh)\r\n" +
        "1-0:2.7.0(000000000*W)\r\n" +
        "1-0:3.8.0(000000747*varh)\r\n" +
        "1-0:3.8.1(000000000*varh)\r\n" +
        "1-0:3.8.2(000000747*varh)\r\n" +
        "1-0:3.7.0(000000000*var)\r\n" +
        "1-0:4.8.0(003897726*varh)\r\n" +
        "1-0:4.8.1(002692848*varh)\r\n" +
        "1-0:4.8.2(001204878*varh)\r\n" +
        "1-0:4.7.0(000000166*var)\r\n" +
        "!7EF9\r\n";

    /// <summary>Belgian e-MUCS (Fluvius), Sagemcom S211, CRC FCCF, with peak demand and gas on 0-1:24.2.3.
    /// Source: thomasgodon/DsmrHub, DsmrHub.Tests/TelegramMappingTests.cs (SampleTelegram).</summary>
    public const string FluviusEMucs =
        "/FLU5\\253770234_A\r\n" +
        "\r\n" +
        "0-0:96.1.4(50217)\r\n" +
        "0-0:96.1.1(3153414731313030303537373239)\r\n" +
        "0-0:1.0.0(221220204556W)\r\n" +
        "1-0:1.8.1(003457.591*kWh)\r\n" +
        "1-0:1.8.2(004282.456*kWh)\r\n" +
        "1-0:2.8.1(000447.891*kWh)\r\n" +
        "1-0:2.8.2(000203.818*kWh)\r\n" +
        "0-0:96.14.0(0001)\r\n" +
        "1-0:1.4.0(00.032*kW)\r\n" +
        "1-0:1.6.0(221203174500W)(03.716*kW)\r\n" +
        "0-0:98.1.0(0)(1-0:1.6.0)(1-0:1.6.0)()\r\n" +
        "1-0:1.7.0(00.524*kW)\r\n" +
        "1-0:2.7.0(00.000*kW)\r\n" +
        "1-0:21.7.0(00.524*kW)\r\n" +
        "1-0:22.7.0(00.000*kW)\r\n" +
        "1-0:32.7.0(231.6*V)\r\n" +
        "1-0:31.7.0(002.72*A)\r\n" +
        "0-0:96.3.10(1)\r\n" +
        "0-0:17.0.0(999.9*kW)\r\n" +
        "1-0:31.4.0(999*A)\r\n" +
        "0-0:96.13.0()\r\n" +
        "0-1:24.1.0(003)\r\n" +
        "0-1:96.1.1(37464C4F32313139303938343332)\r\n" +
        "0-1:24.4.0(1)\r\n" +
        "0-1:24.2.3(221220203958W)(04761.307*m3)\r\n" +
        "!FCCF\r\n";

    /// <summary>DSMR 4.0, Kaifa, with a 13-month peak history line and a lower-case CRC digit (f2C9).
    /// Source: esphome-libs/dsmr_parser, test/parser_test.cpp ("Should parse all fields in the DSMR message correctly").</summary>
    public const string KaifaWithPeakHistory =
        "/KFM5KAIFA-METER\r\n" +
        "\r\n" +
        "1-3:0.2.8(40)\r\n" +
        "0-0:1.0.0(150117185916W)\r\n" +
        "0-0:96.1.1(0000000000000000000000000000000000)\r\n" +
        "1-0:1.8.1(000671.578*kWh)\r\n" +
        "1-0:1.8.2(000842.472*kWh)\r\n" +
        "1-0:2.8.1(000000.000*kWh)\r\n" +
        "1-0:2.8.2(000000.000*kWh)\r\n" +
        "0-0:96.14.0(0001)\r\n" +
        "1-0:1.7.0(00.333*kW)\r\n" +
        "1-0:2.7.0(00.000*kW)\r\n" +
        "0-0:17.0.0(999.9*kW)\r\n" +
        "0-0:96.3.10(1)\r\n" +
        "0-0:96.7.21(00008)\r\n" +
        "0-0:96.7.9(00007)\r\n" +
        "1-0:99.97.0(1)(0-0:96.7.19)(000101000001W)(2147483647*s)\r\n" +
        "0-0:98.1.0(2)(1-0:1.6.0)(1-0:1.6.0)(230201000000W)(230117224500W)(04.329*kW)(230202000000W)(230214224500W)(04529*W)\r\n" +
        "1-0:32.32.0(00000)\r\n" +
        "1-0:32.36.0(00000)\r\n" +
        "0-0:96.13.1()\r\n" +
        "0-0:96.13.0()\r\n" +
        "1-0:31.7.0(001*A)\r\n" +
        "1-0:21.7.0(00.332*kW)\r\n" +
        "1-0:22.7.0(00.000*kW)\r\n" +
        "0-1:24.1.0(003)\r\n" +
        "0-1:96.1.0(0000000000000000000000000000000000)\r\n" +
        "0-1:24.2.1(150117180000W)(00473.789*m3)\r\n" +
        "0-1:24.4.0(1)\r\n" +
        "!f2C9\r\n";

    /// <summary>A short DSMR 4 telegram with CRC 1E1D and no version line.
    /// Source: esphome-libs/dsmr_parser, test/parser_test.cpp (the "crc of a package is incorrect" case, unbroken).</summary>
    public const string KaifaShort =
        "/KFM5KAIFA-METER\r\n" +
        "\r\n" +
        "1-0:1.8.1(000671.578*kWh)\r\n" +
        "1-0:1.7.0(00.318*kW)\r\n" +
        "!1E1D\r\n";

    /// <summary>Every telegram above that carries a CRC.</summary>
    public static IReadOnlyList<string> Checked { get; } = [V42, V50, SagemcomT210, FluviusEMucs, KaifaWithPeakHistory, KaifaShort];

    public static byte[] Bytes(string telegram) => Encoding.ASCII.GetBytes(telegram);
}
