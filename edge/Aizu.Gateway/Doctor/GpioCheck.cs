namespace Aizu.Gateway.Doctor;

/// <summary>The pulse meter's GPIO chip: present, and openable by the gateway's user.</summary>
internal static class GpioCheck
{
    public static DoctorCheck? Run(IConfiguration configuration)
    {
        var section = configuration.GetSection("Aizu:Pulse");
        if (!section.Exists())
        {
            return null;
        }

        var options = section.Get<PulseMeterOptions>() ?? new PulseMeterOptions();
        string chip = $"/dev/gpiochip{options.GpioChip}";
        if (!File.Exists(chip))
        {
            return new DoctorCheck("GPIO", DoctorOutcome.Fail, $"{chip} does not exist, so the S0 pulses on line {options.Pin} cannot be counted",
                "Check Aizu:Pulse:GpioChip: 0 on a Raspberry Pi 1–4 and on a Pi 5 with a current kernel ('gpiodetect' lists the chips).");
        }

        try
        {
            using var handle = File.Open(chip, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            return new DoctorCheck("GPIO", DoctorOutcome.Ok, $"{chip} opens; the S0 output is counted on line {options.Pin}");
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            return new DoctorCheck("GPIO", DoctorOutcome.Fail, $"{chip} cannot be opened: {exception.Message}",
                "Add the gateway's user to the gpio group (sudo usermod -aG gpio aizu) and restart it.");
        }
    }
}
