namespace Aizu.Hardware.EchonetLite.Tests.SmartMeter;

/// <summary>
/// Every decoder gets EDTs straight off the radio: any bytes must give a value, false, or an
/// <see cref="EchonetLiteFormatException"/>, and every encoder output must decode back.
/// </summary>
public sealed class SmartMeterCodecPropertyTests
{
    private const int Iterations = 20_000;

    // Mostly the right length for some decoder (so the value checks run), sometimes anything up to 200 bytes.
    private static readonly Gen<byte[]> RandomEdt = Gen.Frequency(
        (1, (IGen<byte[]>)Gen.Byte.Array[0, 200]),
        (4, Gen.OneOfConst(1, 2, 4, 11, 194).SelectMany(length => Gen.Byte.Array[length])));

    public static TheoryData<string> Decoders =>
    [
        "E7", "E8", "E0", "E1", "D3", "D7", "EA", "E2", "E5", "98", "97",
    ];

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Decode_RandomEdt_OnlyThrowsEchonetLiteFormatException(string decoder) =>
        RandomEdt.Sample(edt =>
        {
            try
            {
                Decode(decoder, edt);
            }
            catch (EchonetLiteFormatException exception)
            {
                Assert.False(string.IsNullOrWhiteSpace(exception.Message));
            }
        }, iter: Iterations);

    [Fact]
    public void InstantaneousPower_AnyReading_RoundTrips() =>
        Gen.Int.Sample(watts =>
        {
            var buffer = new byte[4];
            SmartMeterCodec.EncodeInstantaneousPower(buffer, watts);

            bool decoded = SmartMeterCodec.TryDecodeInstantaneousPower(buffer, out int back);

            bool isSentinel = watts is SmartMeterCodec.NoDataPower or SmartMeterCodec.OverflowPower or SmartMeterCodec.UnderflowPower;
            Assert.Equal(!isSentinel, decoded);
            Assert.Equal(isSentinel ? 0 : watts, back);
        }, iter: Iterations);

    [Fact]
    public void InstantaneousCurrent_AnyTenthOfAnAmpere_RoundTrips() =>
        Gen.Select(Gen.Int[-0x7FFF, 0x7FFD], Gen.Int[-0x7FFF, 0x7FFD].Nullable(0.2), (r, t) => (r, t)).Sample(c =>
        {
            var buffer = new byte[4];
            SmartMeterCodec.EncodeInstantaneousCurrent(buffer, c.r / 10.0, c.t / 10.0);

            Assert.True(SmartMeterCodec.TryDecodeInstantaneousCurrent(buffer, out var current));
            Assert.Equal(new InstantaneousCurrent(c.r / 10.0, c.t / 10.0), current);
        }, iter: Iterations);

    [Fact]
    public void Cumulative_AnyValue_RoundTripsOrIsNoReading() =>
        Gen.UInt.Sample(raw =>
        {
            var buffer = new byte[4];
            SmartMeterCodec.EncodeCumulative(buffer, raw);

            bool decoded = SmartMeterCodec.TryDecodeCumulative(buffer, out uint back);

            Assert.Equal(raw <= SmartMeterCodec.MaxCumulative, decoded);
            Assert.Equal(decoded ? raw : 0u, back);
        }, iter: Iterations);

    [Fact]
    public void FixedTimeCumulative_AnyWholeSecond_RoundTrips() =>
        Gen.Select(Gen.DateTime, Gen.UInt[0, SmartMeterCodec.MaxCumulative], (time, raw) => (time, raw)).Sample(c =>
        {
            var time = new DateTime(c.time.Year, c.time.Month, c.time.Day, c.time.Hour, c.time.Minute, c.time.Second, DateTimeKind.Unspecified);
            var buffer = new byte[11];
            SmartMeterCodec.EncodeFixedTimeCumulative(buffer, time, c.raw);

            Assert.True(SmartMeterCodec.TryDecodeFixedTimeCumulative(buffer, out var value));
            Assert.Equal(new FixedTimeCumulative(time, c.raw), value);
        }, iter: Iterations);

    [Fact]
    public void History_AnySlots_RoundTrip() =>
        Gen.Select(Gen.Int[0, 99], Gen.UInt[0, SmartMeterCodec.MaxCumulative].Nullable(0.1).Array[48], (day, slots) => (day, slots)).Sample(c =>
        {
            var buffer = new byte[SmartMeterCodec.HistoryLength];
            SmartMeterCodec.EncodeHistory(buffer, c.day, c.slots);

            Assert.Equal(new CumulativeHistory(c.day, c.slots), SmartMeterCodec.DecodeHistory(buffer));
        }, iter: 2_000);

    [Fact]
    public void Clock_AnyDateAndMinute_RoundTrips() =>
        Gen.Select(Gen.DateOnly, Gen.Int[0, 23], Gen.Int[0, 59], (date, hour, minute) => (date, hour, minute)).Sample(c =>
        {
            var buffer = new byte[4];
            SmartMeterCodec.EncodeCurrentDate(buffer, c.date);
            Assert.Equal(c.date, SmartMeterCodec.DecodeCurrentDate(buffer));

            SmartMeterCodec.EncodeCurrentTime(buffer, new TimeOnly(c.hour, c.minute));
            Assert.Equal(new TimeOnly(c.hour, c.minute), SmartMeterCodec.DecodeCurrentTime(buffer.AsSpan(0, 2)));
        }, iter: Iterations);

    [Fact]
    public void RegisterProperties_EveryValidValue_RoundTrips()
    {
        var buffer = new byte[4];
        for (int digits = 1; digits <= 8; digits++)
        {
            SmartMeterCodec.EncodeEffectiveDigits(buffer, digits);
            Assert.Equal(digits, SmartMeterCodec.DecodeEffectiveDigits(buffer.AsSpan(0, 1)));
        }

        for (int day = 0; day <= 99; day++)
        {
            SmartMeterCodec.EncodeHistoryDay(buffer, day);
            Assert.Equal(day, SmartMeterCodec.DecodeHistoryDay(buffer.AsSpan(0, 1)));
        }

        Gen.UInt[1, 999_999].Sample(coefficient =>
        {
            var edt = new byte[4];
            SmartMeterCodec.EncodeCoefficient(edt, coefficient);
            Assert.Equal(coefficient, SmartMeterCodec.DecodeCoefficient(edt));
        }, iter: Iterations);
    }

    private static void Decode(string decoder, byte[] edt)
    {
        switch (decoder)
        {
            case "E7": SmartMeterCodec.TryDecodeInstantaneousPower(edt, out _); break;
            case "E8": SmartMeterCodec.TryDecodeInstantaneousCurrent(edt, out _); break;
            case "E0": SmartMeterCodec.TryDecodeCumulative(edt, out _); break;
            case "E1": SmartMeterCodec.DecodeUnitKilowattHours(edt); break;
            case "D3": SmartMeterCodec.DecodeCoefficient(edt); break;
            case "D7": SmartMeterCodec.DecodeEffectiveDigits(edt); break;
            case "EA": SmartMeterCodec.TryDecodeFixedTimeCumulative(edt, out _); break;
            case "E2": SmartMeterCodec.DecodeHistory(edt); break;
            case "E5": SmartMeterCodec.DecodeHistoryDay(edt); break;
            case "98": SmartMeterCodec.DecodeCurrentDate(edt); break;
            case "97": SmartMeterCodec.DecodeCurrentTime(edt); break;
            default: throw new ArgumentOutOfRangeException(nameof(decoder), decoder, "Unknown decoder.");
        }
    }
}
