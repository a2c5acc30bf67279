namespace Aizu.Hardware.Sensors;

/// <summary>A sensor answered, but with data that must not become a reading.</summary>
internal sealed class SensorFaultException : Exception
{
    public SensorFaultException()
    {
    }

    public SensorFaultException(string message)
        : base(message)
    {
    }

    public SensorFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SensorFaultException(SensorFault fault, string message)
        : base(message)
    {
        Fault = fault;
    }

    public SensorFault Fault { get; }
}
