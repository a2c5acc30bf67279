namespace Aizu.Hardware.Dsmr;

/// <summary>
/// A string made from telegram bytes, kept while the bytes stay the same: a meter sends the same header, version and
/// equipment identifier every second, so the string is built once rather than once per telegram.
/// </summary>
internal sealed class CachedText
{
    private readonly bool _decodeHex;
    private byte[] _raw = new byte[32];
    private int _length = -1;
    private string _text = string.Empty;

    public CachedText(bool decodeHex = false) => _decodeHex = decodeHex;

    /// <summary>The text of <paramref name="raw"/> (hexadecimal decoded when this cache decodes hex).</summary>
    public string Get(ReadOnlySpan<byte> raw)
    {
        if (_length == raw.Length && raw.SequenceEqual(_raw.AsSpan(0, _length)))
        {
            return _text;
        }

        if (raw.Length > _raw.Length)
        {
            _raw = new byte[raw.Length];
        }

        raw.CopyTo(_raw);
        _length = raw.Length;
        _text = _decodeHex ? CosemText.DecodeHexText(raw) : CosemText.ToText(raw);
        return _text;
    }
}
