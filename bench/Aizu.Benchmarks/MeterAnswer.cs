namespace Aizu.Benchmarks;

/// <summary>
/// The frame every benchmark works on: a smart meter's Get_Res with E7, E8 and E0, as quoted in a public Python
/// B-route script and used in tests/Aizu.Hardware.Skstack.Tests (GoldenLineTests.Bp35A1_MeterReadingAsHex):
/// 1374 W, R 0.0 A / T 13.0 A, cumulative count 336213.
/// </summary>
public static class MeterAnswer
{
    public const string FrameHex = "1081000102880105FF017203E7040000055EE80400000082E00400052155";

    /// <summary>The same frame as a BP35A1 with WOPT 01 prints it: one hex-ASCII ERXUDP line.</summary>
    public const string ErxudpLine =
        "ERXUDP FE80:0000:0000:0000:021C:6400:0364:831F FE80:0000:0000:0000:1207:23FF:FEA0:7898 "
        + "0E1A 0E1A 001C64000364831F 1 001E " + FrameHex + "\r\n";

    public static byte[] Frame() => Convert.FromHexString(FrameHex);
}
