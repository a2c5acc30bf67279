namespace Aizu.Alerts.Tests;

/// <summary>An <see cref="IOptionsMonitor{T}"/> whose value a test sets directly.</summary>
internal sealed class TestOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
