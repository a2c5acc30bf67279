namespace Aizu.Hardware.Sensors;

/// <summary>
/// A chip reached through an Iot.Device binding on one I²C device: opening, closing and the "not open" guard
/// are the same for every binding; each chip says only how it makes its binding and how it reads.
/// </summary>
/// <typeparam name="TBinding">The Iot.Device binding.</typeparam>
internal abstract class I2cBindingChip<TBinding>(Func<I2cConnectionSettings, I2cDevice> open, I2cConnectionSettings settings, string name)
    : ISensorChip
    where TBinding : class, IDisposable
{
    private TBinding? _binding;
    private I2cDevice? _device;

    public bool IsOpen => _binding is not null;

    /// <summary>The open binding.</summary>
    /// <exception cref="InvalidOperationException">The chip is not open.</exception>
    protected TBinding Binding => _binding ?? throw new InvalidOperationException($"The {name} is not open.");

    public void Open()
    {
        var device = Wrap(open(settings));
        try
        {
            _binding = Bind(device);
            _device = device;
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    public abstract Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken);

    public void Close()
    {
        var binding = _binding;
        var device = _device;
        _binding = null;
        _device = null;
        try
        {
            binding?.Dispose();
        }
        catch (IOException)
        {
            // Disposing talks to the chip (e.g. to stop measuring); one that stopped answering cannot object.
        }
        finally
        {
            device?.Dispose();
        }
    }

    public void Dispose() => Close();

    /// <summary>The device the binding talks through: the bus device itself unless a chip checks more on the way in.</summary>
    protected virtual I2cDevice Wrap(I2cDevice device) => device;

    /// <summary>Makes and configures the binding (blocking I/O); an exception leaves the chip closed.</summary>
    protected abstract TBinding Bind(I2cDevice device);
}
