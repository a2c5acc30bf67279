namespace Aizu.City.Demo;

/// <summary>What the command line chose: how many households, and the ports and data directory to keep fixed (null: free ports, a temporary cluster).</summary>
internal sealed record DemoSettings(int Households, int? BrokerPort, int? PostgresPort, string? PostgresData, int? MetricsPort);
