using SharpFuzz;

// aizu-fuzz prepare <dir> <repository>   copies this program to <dir>/bin, instruments the targets' assemblies there and
//                                        writes each target's seeds to <dir>/seeds/<target>
// aizu-fuzz <target>                     the program afl-fuzz runs (from <dir>/bin): the target on every input it gives
// aizu-fuzz <target> --replay <path>...  the target once on each file (or each file of a folder); exit 1 on a crash
// aizu-fuzz record-broute <folder>       records the B-route session target's seeds with the simulated dongle
if (args is ["prepare", var directory, var repository])
{
    FuzzPreparation.Prepare(directory, repository, Console.Out);
    return 0;
}

if (args is ["record-broute", var seeds])
{
    Directory.CreateDirectory(seeds);
    await BRouteTranscriptRecorder.RecordAsync(SkstackDialect.Bp35A1, SkstackDataFormat.HexAscii, false, Path.Combine(seeds, "simulated-bp35a1-hex.bin"), Console.Out, CancellationToken.None);
    await BRouteTranscriptRecorder.RecordAsync(SkstackDialect.Bp35C0, SkstackDataFormat.Binary, false, Path.Combine(seeds, "simulated-bp35c0-binary.bin"), Console.Out, CancellationToken.None);
    await BRouteTranscriptRecorder.RecordAsync(SkstackDialect.Bp35A1, SkstackDataFormat.HexAscii, true, Path.Combine(seeds, "simulated-bp35a1-pana-failure-and-expiries.bin"), Console.Out, CancellationToken.None);
    return 0;
}

if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } target)
{
    await Console.Error.WriteLineAsync($"usage: Aizu.Fuzzing prepare <dir> <repository> | <target> [--replay <path>...]; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
    return 2;
}

if (args is [_, "--replay", .. var paths])
{
    var crashes = Replay.Run(target, paths, Console.Out);
    return crashes == 0 ? 0 : 1;
}

Fuzzer.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;
