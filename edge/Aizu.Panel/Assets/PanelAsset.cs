using Microsoft.Net.Http.Headers;

namespace Aizu.Panel;

/// <summary>One file of the panel's page, held in memory.</summary>
internal sealed record PanelAsset(string RequestPath, string ContentType, byte[] Content, EntityTagHeaderValue ETag);
