namespace Aizu.Wire;

/// <summary>The CAP version a message was written in, from its root element's namespace.</summary>
public enum CapVersion
{
    /// <summary>CAP 1.1 (2005), <c>urn:oasis:names:tc:emergency:cap:1.1</c>; still sent by many feeds.</summary>
    Cap11,

    /// <summary>CAP 1.2 (2010), <c>urn:oasis:names:tc:emergency:cap:1.2</c>.</summary>
    Cap12,
}
