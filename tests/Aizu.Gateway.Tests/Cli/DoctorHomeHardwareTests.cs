
namespace Aizu.Gateway.Tests.Cli;

/// <summary>
/// <c>aizu doctor</c> on an installation whose I2C bus and GPIO chip are missing (as on this machine, and on a Pi with
/// I2C not enabled): each named with the step that enables it. The sensors' own test reads run against simulated
/// chips in <c>Aizu.Hardware.Sensors.Tests: IndoorSensorProbeTests</c>.
/// </summary>
public sealed class DoctorHomeHardwareTests
{
    [Fact]
    public async Task MissingI2cBus_AndMissingGpioChip_FailWithHowToEnableThem()
    {
        using var directory = new TemporaryDirectory();
        var checks = await DoctorRun.ChecksAsync(directory, new
        {
            Storage = new { DatabasePath = directory.File("aizu.db") },
            IndoorSensors = new { Sensors = new[] { new { Kind = "Bme280", Bus = 42, Room = "living" } } },
            Pulse = new { GpioChip = 42, Pin = 17 },
        });
        var sensor = checks["sensor living"];
        Assert.Equal("fail", sensor.GetProperty("outcome").GetString());
        Assert.Equal("/dev/i2c-42 does not exist, so the Bme280 cannot be read", sensor.GetProperty("detail").GetString());
        Assert.Contains("dtparam=i2c_arm=on", sensor.GetProperty("fix").GetString(), StringComparison.Ordinal);
        var gpio = checks["GPIO"];
        Assert.Equal("fail", gpio.GetProperty("outcome").GetString());
        Assert.Contains("/dev/gpiochip42 does not exist", gpio.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("gpiodetect", gpio.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }
}
