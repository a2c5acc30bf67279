namespace Aizu.Testing.Uplink;

/// <summary>An outbox with nothing to send: for tests of the connection alone.</summary>
public sealed class EmptyOutbox : IOutbox
{
    public Task<UplinkMessage?> GetNextDueAsync(CancellationToken cancellationToken) => Task.FromResult<UplinkMessage?>(null);

    public Task WaitForDueAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    public Task MarkDeliveredAsync(string messageId, int reasonCode, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task MarkFailedAsync(string messageId, int? reasonCode, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<UplinkMessage>> ListPendingAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<UplinkMessage>>([]);
}
