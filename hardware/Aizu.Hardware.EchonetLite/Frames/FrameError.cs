namespace Aizu.Hardware.EchonetLite;

/// <summary>
/// Why a frame was rejected, kept as plain numbers so that <see cref="EchonetFrame.TryParse"/> can fail without
/// allocating; the text is only built when <see cref="EchonetFrame.Parse"/> has to throw.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="FrameLength">The whole frame's length.</param>
/// <param name="Offset">Where in the frame it went wrong, where that matters.</param>
/// <param name="Value">The offending byte or count, where there is one.</param>
/// <param name="Epc">The property code involved, for <see cref="FrameErrorKind.PdcPastEnd"/>.</param>
/// <param name="Index">Which property (from 0), for <see cref="FrameErrorKind.PropertyHeaderCut"/>.</param>
/// <param name="Count">How many properties OPC announced, for <see cref="FrameErrorKind.PropertyHeaderCut"/>.</param>
internal readonly record struct FrameError(FrameErrorKind Kind, int FrameLength, int Offset, int Value, int Epc, int Index, int Count)
{
    public static FrameError TooShort(int frameLength) =>
        new(FrameErrorKind.TooShort, frameLength, 0, 0, 0, 0, 0);

    public static FrameError NotEchonetLite(int frameLength, byte ehd1) =>
        new(FrameErrorKind.NotEchonetLite, frameLength, 0, ehd1, 0, 0, 0);

    public static FrameError BadFormat(int frameLength, byte ehd2) =>
        new(ehd2 == EchonetFrame.ArbitraryFormatEhd2 ? FrameErrorKind.ArbitraryFormat : FrameErrorKind.UnknownFormat,
            frameLength, 1, ehd2, 0, 0, 0);

    public static FrameError UnknownService(int frameLength, byte esv) =>
        new(FrameErrorKind.UnknownService, frameLength, 10, esv, 0, 0, 0);

    public static FrameError PropertyHeaderCut(int frameLength, int offset, int index, int count) =>
        new(FrameErrorKind.PropertyHeaderCut, frameLength, offset, 0, 0, index, count);

    public static FrameError PdcPastEnd(int frameLength, int offset, byte epc, byte pdc) =>
        new(FrameErrorKind.PdcPastEnd, frameLength, offset, pdc, epc, 0, 0);

    public static FrameError SecondOpcMissing(int frameLength, byte esv) =>
        new(FrameErrorKind.SecondOpcMissing, frameLength, frameLength, esv, 0, 0, 0);

    public static FrameError TrailingBytes(int frameLength, int offset) =>
        new(FrameErrorKind.TrailingBytes, frameLength, offset, frameLength - offset, 0, 0, 0);

    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        return Kind switch
        {
            FrameErrorKind.TooShort => string.Create(c,
                $"ECHONET Lite frame is {FrameLength} bytes long; format 1 needs at least {EchonetFrame.HeaderLength} (EHD1, EHD2, TID, SEOJ, DEOJ, ESV, OPC)"),
            FrameErrorKind.NotEchonetLite => string.Create(c,
                $"EHD1 is 0x{Value:X2}; ECHONET Lite frames start with 0x{EchonetFrame.Ehd1:X2}"),
            FrameErrorKind.ArbitraryFormat => string.Create(c,
                $"EHD2 is 0x{Value:X2} (arbitrary message format); only specified message format 1 (EHD2 0x{EchonetFrame.Format1Ehd2:X2}) is supported"),
            FrameErrorKind.UnknownFormat => string.Create(c,
                $"EHD2 is 0x{Value:X2}; expected 0x{EchonetFrame.Format1Ehd2:X2} (specified message format 1)"),
            FrameErrorKind.UnknownService => string.Create(c,
                $"ESV 0x{Value:X2} is not an ECHONET Lite service code, so the property layout of the {FrameLength}-byte frame is unknown"),
            FrameErrorKind.PropertyHeaderCut => string.Create(c,
                $"Property {Index + 1} of {Count} (OPC) needs EPC and PDC at offset {Offset}, past the end of the {FrameLength}-byte frame"),
            FrameErrorKind.PdcPastEnd => string.Create(c,
                $"PDC {Value} for EPC 0x{Epc:X2} runs past the end of the {FrameLength}-byte frame (EDT would start at offset {Offset})"),
            FrameErrorKind.SecondOpcMissing => string.Create(c,
                $"ESV 0x{Value:X2} needs an OPCGet after the Set properties, but the {FrameLength}-byte frame ends there"),
            FrameErrorKind.TrailingBytes => string.Create(c,
                $"{Value} trailing byte(s) after the last property at offset {Offset} of the {FrameLength}-byte frame"),
            _ => "ECHONET Lite frame is malformed",
        };
    }
}
