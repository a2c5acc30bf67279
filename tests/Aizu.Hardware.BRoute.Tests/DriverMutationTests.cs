namespace Aizu.Hardware.BRoute.Tests;

/// <summary>
/// The real driver, over SKSTACK on the simulated dongle's pseudo-terminal, polling a meter whose answers have one
/// property changed (value, code, length) or one unknown property inserted: it must stay in its session, and store
/// every value of every answer that the change did not touch.
/// </summary>
public sealed class DriverMutationTests
{
    private const int Mutations = 300;
    private const int Seed = 20261206;
    private const byte GetResponse = 0x72;

    [Fact]
    public async Task MutatedAnswers_AreUsed_AndEveryUntouchedValueIsStored()
    {
        var mutator = new AnswerMutator(new Random(Seed));
        var sent = new ConcurrentQueue<(byte[] Clean, List<byte> Touched, string What)>();
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.Options.PowerInterval = TimeSpan.FromMilliseconds(10);
        harness.Options.EnergyInterval = TimeSpan.FromMilliseconds(30);

        // Every changed answer must reach the driver in time to count: on a loaded CI machine a reply can take
        // longer than the harness's usual 800 ms, and a reply given up on would look like a lost value.
        harness.Options.ResponseTimeout = TimeSpan.FromSeconds(10);
        harness.Options.CommandTimeout = TimeSpan.FromSeconds(10);
        int answersAfter = 0;
        var register = Register(harness);
        harness.Dongle.ChangeAnswers(answer =>
        {
            // The polls' answers only: the register and clock the driver reads once must stay as the meter sends them.
            var epcs = AnswerMutator.Properties(answer).Select(p => p.Epc).ToList();
            if (answer[10] != GetResponse || !(epcs.Contains(SmartMeterEpc.InstantaneousPower) || epcs.Contains(SmartMeterEpc.CumulativeNormal)) || sent.Count >= Mutations)
            {
                if (sent.Count >= Mutations)
                {
                    Interlocked.Increment(ref answersAfter);
                }

                return answer;
            }

            var (mutated, touched, what) = mutator.Mutate(answer);
            sent.Enqueue((answer, touched, what));
            return mutated;
        });

        harness.StartDriver();
        await harness.WaitUntilAsync(() => sent.Count >= Mutations, $"{Mutations} answers were changed", TimeSpan.FromMinutes(3));

        // Answers are taken one at a time: once the meter has answered three more requests, the driver has
        // handled the last changed one.
        await harness.WaitUntilAsync(() => Volatile.Read(ref answersAfter) >= 3, "three answers after the last change", TimeSpan.FromMinutes(1));
        await harness.StopDriverAsync();

        var stored = harness.Drain().GroupBy(r => r.Timestamp).Select(g => g.ToList()).ToList();
        int next = 0;
        foreach (var (clean, touched, what) in sent)
        {
            var expected = Decode(AnswerMutator.Write(clean, AnswerMutator.Properties(clean).Where(p => !touched.Contains(p.Epc))), register);
            if (expected.Count == 0)
            {
                continue;
            }

            // Answers come one after another: the first batch of readings from here on that holds every untouched value.
            int found = stored.FindIndex(next, batch => expected.All(e => batch.Any(r => r.Series == e.Series && r.Value.Equals(e.Value))));
            Assert.True(found >= 0, $"After {what} (seed {Seed}) the driver did not store {string.Join(", ", expected.Select(e => $"{e.Series} = {e.Value}"))}");
            next = found + 1;
        }

        Assert.Equal(1, harness.Dongle.JoinCount);
        Assert.False(harness.Log.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "session"), harness.Log.Text);
    }

    /// <summary>What the driver's decoder makes of a well-formed answer: the oracle for the untouched values.</summary>
    private static List<Reading> Decode(byte[] frame, EnergyRegister register)
    {
        var readings = new List<Reading>();
        MeterFrameDecoder.Decode(EchonetFrame.Parse(frame).Properties, DateTimeOffset.UnixEpoch, register, readings);
        return readings;
    }

    /// <summary>The meter's energy register (unit, coefficient, digits) as the driver reads it at the start.</summary>
    private static EnergyRegister Register(DriverHarness harness)
    {
        var request = new byte[20];
        int length = EchonetFrameWriter.WriteGet(request, 1, EchonetObject.Controller, EchonetObject.SmartElectricEnergyMeter,
            [SmartMeterEpc.CumulativeUnit, SmartMeterEpc.Coefficient, SmartMeterEpc.EffectiveDigits]);
        return MeterFrameDecoder.Register(EchonetFrame.Parse(harness.Dongle.Meter.Answer(request.AsSpan(0, length))!).Properties);
    }
}
