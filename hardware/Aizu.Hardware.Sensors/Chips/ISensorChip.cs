namespace Aizu.Hardware.Sensors;

/// <summary>One wired chip behind its binding. Not thread-safe: the source never reads a chip twice at once.</summary>
internal interface ISensorChip : IDisposable
{
    /// <summary>Whether <see cref="Open"/> has succeeded and the chip has not been closed since.</summary>
    bool IsOpen { get; }

    /// <summary>Opens the device and configures the chip (blocking I/O).</summary>
    void Open();

    /// <summary>Takes one measurement. Throws <see cref="IOException"/> when the chip does not answer and <see cref="SensorFaultException"/> when its data is unusable.</summary>
    Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Releases the device so the next <see cref="Open"/> starts afresh.</summary>
    void Close();
}
