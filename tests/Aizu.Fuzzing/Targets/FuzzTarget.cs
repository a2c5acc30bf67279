namespace Aizu.Fuzzing;

/// <summary>
/// One parser under fuzzing: what it runs on an input (an exception escaping <see cref="Run"/> is a crash), which
/// assemblies hold the code to instrument, and where its seeds come from in the repository's real captures.
/// </summary>
/// <param name="Name">The name on the command line and of the seed and regression folders.</param>
/// <param name="Run">Feeds one input to the parser; catches only the exceptions the parser documents for bad input.</param>
/// <param name="Assemblies">File names of the assemblies whose branches guide the fuzzer.</param>
/// <param name="SeedFolders">Folders of the repository (relative to its root) whose files seed the fuzzer.</param>
/// <param name="Seeds">Takes the seeds out of one file of those folders (a whole capture, or the frames in it).</param>
public sealed record FuzzTarget(string Name, Action<ReadOnlySpan<byte>> Run, string[] Assemblies, string[] SeedFolders, Func<string, byte[], IEnumerable<byte[]>> Seeds);
