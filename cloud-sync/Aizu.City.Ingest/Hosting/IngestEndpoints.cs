namespace Aizu.City.Ingest;

/// <summary>The operator's endpoints: <c>/metrics</c> (Prometheus text) and <c>/status</c> (JSON).</summary>
public static class IngestEndpoints
{
    /// <summary>Maps both endpoints.</summary>
    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (IngestMetrics metrics) =>
            TypedResults.Text(metrics.ToPrometheusText(), "text/plain; version=0.0.4; charset=utf-8"));
        endpoints.MapGet("/status", Ok<IngestStatus> (IngestMetrics metrics) => TypedResults.Ok(metrics.Snapshot()));
        return endpoints;
    }
}
