namespace Aizu.Hardware.Sensors;

/// <summary>
/// Checks the CRC of every word a Sensirion chip sends before the binding sees it. The SHT3x binding
/// silently keeps its previous value when a CRC fails and the SCD4x binding turns a bad data-ready
/// word into "not ready"; both would hide a corrupted transfer. Throwing here makes the fault visible
/// and guarantees no reading is made from it.
/// </summary>
internal sealed class CrcCheckedI2cDevice : I2cDevice
{
    private readonly I2cDevice _inner;

    public CrcCheckedI2cDevice(I2cDevice inner)
    {
        _inner = inner;
    }

    public override I2cConnectionSettings ConnectionSettings => _inner.ConnectionSettings;

    public override void Read(Span<byte> buffer)
    {
        _inner.Read(buffer);
        Check(buffer);
    }

    public override void Write(ReadOnlySpan<byte> buffer) => _inner.Write(buffer);

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        _inner.WriteRead(writeBuffer, readBuffer);
        Check(readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Check(ReadOnlySpan<byte> data)
    {
        // Every Sensirion read is whole words of two data bytes and one CRC byte.
        for (int i = 0; i + 2 < data.Length; i += 3)
        {
            byte expected = SensirionCrc.Compute(data[i], data[i + 1]);
            if (expected != data[i + 2])
            {
                throw new SensorFaultException(
                    SensorFault.Crc,
                    $"word {i / 3} of {data.Length / 3} from 0x{ConnectionSettings.DeviceAddress:X2} has CRC 0x{data[i + 2]:X2}, expected 0x{expected:X2}");
            }
        }
    }
}
