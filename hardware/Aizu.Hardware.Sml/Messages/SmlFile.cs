namespace Aizu.Hardware.Sml;

/// <summary>An SML file: the messages of one transport frame.</summary>
/// <param name="Messages">The messages in order.</param>
public sealed record SmlFile(IReadOnlyList<SmlMessage> Messages)
{
    /// <summary>Every value of every GetList.Res in the file.</summary>
    public IEnumerable<SmlListEntry> Entries => Messages.Select(m => m.Body).OfType<SmlGetListResponse>().SelectMany(g => g.Entries);
}
