namespace Aizu.Hardware.EchonetLite;

internal enum FrameErrorKind : byte
{
    None,
    TooShort,
    NotEchonetLite,
    ArbitraryFormat,
    UnknownFormat,
    UnknownService,
    PropertyHeaderCut,
    PdcPastEnd,
    SecondOpcMissing,
    TrailingBytes,
}
