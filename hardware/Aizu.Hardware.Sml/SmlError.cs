namespace Aizu.Hardware.Sml;

/// <summary>Why <see cref="SmlFileParser"/> rejected bytes.</summary>
/// <param name="Kind">Which rule was broken.</param>
/// <param name="Message">What was wrong and where, for the log.</param>
public readonly record struct SmlError(SmlErrorKind Kind, string Message);
