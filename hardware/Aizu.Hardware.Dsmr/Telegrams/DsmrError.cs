namespace Aizu.Hardware.Dsmr;

/// <summary>Why <see cref="DsmrTelegramParser.TryParse(ReadOnlySpan{byte}, DsmrParseOptions?, out DsmrTelegram?, out DsmrError)"/>
/// rejected a telegram.</summary>
/// <param name="Kind">Which rule was broken.</param>
/// <param name="Message">What was wrong and where, for the log.</param>
public readonly record struct DsmrError(DsmrErrorKind Kind, string Message);
