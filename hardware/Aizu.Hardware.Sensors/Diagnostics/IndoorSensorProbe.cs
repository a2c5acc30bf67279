namespace Aizu.Hardware.Sensors;

/// <summary>
/// Reads every configured indoor sensor once with the gateway's own chip code, so an installer sees at once which
/// sensor answers, which does not, and which answers with nonsense. Nothing is stored.
/// </summary>
public static class IndoorSensorProbe
{
    /// <summary>One test read of each sensor in <paramref name="options"/>, in order; each is opened and closed again.</summary>
    public static async Task<IReadOnlyList<SensorProbeResult>> ProbeAsync(IndoorSensorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<SensorProbeResult>(options.Sensors.Count);
        foreach (var definition in options.Sensors)
        {
            var slot = new SensorSlot(definition, options);
            using var chip = slot.Chip;
            try
            {
                chip.Open();
                var measurements = await chip.ReadAsync(cancellationToken).WaitAsync(options.ReadTimeout, cancellationToken);
                results.Add(new(definition, slot.Description, SensorProbeOutcome.Answered, string.Join(", ", measurements.Select(Describe))));
            }
            catch (UnauthorizedAccessException exception)
            {
                results.Add(new(definition, slot.Description, SensorProbeOutcome.NoAccess, exception.Message));
            }
            catch (SensorFaultException exception) when (exception.Fault == SensorFault.Absent)
            {
                results.Add(new(definition, slot.Description, SensorProbeOutcome.NoAnswer, exception.Message));
            }
            catch (SensorFaultException exception)
            {
                results.Add(new(definition, slot.Description, SensorProbeOutcome.BadData, exception.Message));
            }
            catch (Exception exception) when (exception is IOException or TimeoutException)
            {
                results.Add(new(definition, slot.Description, SensorProbeOutcome.NoAnswer, exception.Message));
            }
        }

        return results;
    }

    private static string Describe(Measurement measurement) => measurement.Quantity switch
    {
        IndoorQuantity.Temperature => string.Create(CultureInfo.InvariantCulture, $"{measurement.Value:0.0} °C"),
        IndoorQuantity.Humidity => string.Create(CultureInfo.InvariantCulture, $"{measurement.Value:0.0} %RH"),
        IndoorQuantity.Pressure => string.Create(CultureInfo.InvariantCulture, $"{measurement.Value:0.0} hPa"),
        IndoorQuantity.Co2 => string.Create(CultureInfo.InvariantCulture, $"{measurement.Value:0} ppm CO2"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{measurement.Quantity} {measurement.Value:0.##}"),
    };
}
