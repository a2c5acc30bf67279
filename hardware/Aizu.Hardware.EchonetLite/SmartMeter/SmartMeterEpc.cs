namespace Aizu.Hardware.EchonetLite.SmartMeter;

/// <summary>
/// EPCs of the low-voltage smart electric energy meter class (0x0288), APPENDIX Detailed Requirements for ECHONET
/// Device objects, 3.3.25, plus the super-class clock properties the B-route uses.
/// </summary>
public static class SmartMeterEpc
{
    public const byte OperationStatus = 0x80;
    public const byte CurrentTime = 0x97;
    public const byte CurrentDate = 0x98;
    public const byte Coefficient = 0xD3;
    public const byte EffectiveDigits = 0xD7;
    public const byte CumulativeNormal = 0xE0;
    public const byte CumulativeUnit = 0xE1;
    public const byte HistoryNormal = 0xE2;
    public const byte CumulativeReverse = 0xE3;
    public const byte HistoryReverse = 0xE4;
    public const byte HistoryDay = 0xE5;
    public const byte InstantaneousPower = 0xE7;
    public const byte InstantaneousCurrent = 0xE8;
    public const byte FixedTimeNormal = 0xEA;
    public const byte FixedTimeReverse = 0xEB;
}
