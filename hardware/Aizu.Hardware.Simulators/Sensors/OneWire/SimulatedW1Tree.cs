namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// A stand-in for <c>/sys/bus/w1/devices</c> in a folder of its own: a bus master folder and one
/// folder per DS18B20. The files are rewritten on <see cref="Refresh"/> (or every
/// <paramref name="interval"/> by <see cref="RunAsync"/>), each atomically, so a reader never sees half a file.
/// </summary>
public sealed class SimulatedW1Tree
{
    private readonly TimeProvider _time;
    private readonly List<SimulatedDs18b20> _devices = [];
    private readonly Lock _gate = new();

    /// <summary>Creates the tree under <paramref name="root"/> (created if missing).</summary>
    public SimulatedW1Tree(string root, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(time);
        Root = root;
        _time = time;
        Directory.CreateDirectory(Path.Combine(root, "w1_bus_master1"));
    }

    /// <summary>The folder to give a driver in place of <c>/sys/bus/w1/devices</c>.</summary>
    public string Root { get; }

    /// <summary>The thermometers on the bus.</summary>
    public IReadOnlyList<SimulatedDs18b20> Devices
    {
        get
        {
            lock (_gate)
            {
                return [.. _devices];
            }
        }
    }

    /// <summary>Adds a DS18B20 with ROM id <paramref name="id"/> (<c>28-</c> and twelve hex digits) in the room <paramref name="climate"/>.</summary>
    public SimulatedDs18b20 AddThermometer(string id, IIndoorClimate climate)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(climate);
        if (!id.StartsWith("28-", StringComparison.Ordinal) || id.Length != 15)
        {
            throw new ArgumentException($"'{id}' is not a DS18B20 id such as 28-0316a2796cff.", nameof(id));
        }

        var device = new SimulatedDs18b20(id, climate);
        lock (_gate)
        {
            _devices.Add(device);
        }

        Refresh();
        return device;
    }

    /// <summary>Rewrites every device's files for the current time and faults.</summary>
    public void Refresh()
    {
        var now = _time.GetUtcNow();
        foreach (var device in Devices)
        {
            string folder = Path.Combine(Root, device.Id);
            var files = device.Render(now);
            if (files is not { } content)
            {
                // An unplugged sensor disappears from the tree.
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                continue;
            }

            Directory.CreateDirectory(folder);
            WriteAtomically(Path.Combine(folder, "w1_slave"), content.W1Slave);
            WriteAtomically(Path.Combine(folder, "temperature"), content.Temperature);
        }
    }

    /// <summary>Refreshes the tree every <paramref name="interval"/> until cancelled (for demo mode).</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Refresh();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end.
        }
    }

    private static void WriteAtomically(string path, string content)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
