namespace Aizu.Hardware.Sml;

/// <summary>One SML message.</summary>
/// <param name="TransactionId">The transaction id.</param>
/// <param name="GroupNumber">The group number.</param>
/// <param name="AbortOnError">The abort-on-error flag.</param>
/// <param name="Tag">The body's tag.</param>
/// <param name="Body">The body, for the types the gateway reads; null for others (they are skipped whole).</param>
/// <param name="Crc">The message CRC as sent.</param>
/// <param name="CrcMatches">Whether <paramref name="Crc"/> is the CRC-16/X-25 of the message. Not enforced: some meters
/// (e.g. EBZ) send wrong message CRCs, and the transport CRC already covers every byte.</param>
public sealed record SmlMessage(byte[] TransactionId, ulong GroupNumber, ulong AbortOnError, SmlMessageTag Tag, SmlMessageBody? Body, ushort Crc, bool CrcMatches);
