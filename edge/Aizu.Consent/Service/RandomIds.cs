namespace Aizu.Consent;

/// <summary>Random (version 4) UUIDs for consent and receipt ids, from the injected generator.</summary>
internal static class RandomIds
{
    public static string NewUuid(RandomNumberGenerator random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.GetBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
