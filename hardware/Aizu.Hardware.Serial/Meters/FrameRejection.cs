namespace Aizu.Hardware.Serial.Meters;

/// <summary>Why a meter's parser refused a frame.</summary>
/// <typeparam name="TKind">The meter's own list of reasons.</typeparam>
/// <param name="Kind">Which rule was broken, counted per kind in <see cref="SerialMeterStatistics{TKind}"/>.</param>
/// <param name="Message">What was wrong and where, for the log.</param>
public readonly record struct FrameRejection<TKind>(TKind Kind, string Message)
    where TKind : struct, Enum;
