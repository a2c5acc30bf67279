namespace Aizu.Testing.SerialMeters;

/// <summary>One frame of a mutation run: the bytes the meter sends, the values the driver must store from it, and the
/// mutation in words for a failure message.</summary>
/// <param name="Bytes">The whole frame as it goes on the line, checksum right again.</param>
/// <param name="Expected">Every value the mutation did not touch, by series.</param>
/// <param name="What">What was changed.</param>
public sealed record MutatedFrame(ReadOnlyMemory<byte> Bytes, IReadOnlyDictionary<string, double> Expected, string What);
