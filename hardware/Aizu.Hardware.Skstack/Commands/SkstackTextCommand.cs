namespace Aizu.Hardware.Skstack;

/// <summary>Any command other than SKSENDTO: a command word and space-separated arguments on one line.</summary>
/// <param name="Name">The command word as sent, e.g. <c>SKSREG</c>.</param>
/// <param name="Arguments">The arguments as sent, e.g. <c>["S2", "21"]</c>.</param>
/// <remarks>Equality compares <paramref name="Arguments"/> element by element.</remarks>
public sealed record SkstackTextCommand(string Name, IReadOnlyList<string> Arguments) : SkstackCommand(Name)
{
    /// <inheritdoc />
    public bool Equals(SkstackTextCommand? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Arguments.SequenceEqual(other.Arguments, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), Arguments.Count);
}
