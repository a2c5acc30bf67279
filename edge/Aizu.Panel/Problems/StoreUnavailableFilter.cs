namespace Aizu.Panel;

/// <summary>
/// Answers 503 with the store's own one-line reason when an endpoint cannot reach the data it serves, so
/// a broken or full data folder reads as "unavailable" and never as a crash. One per kind of record: the
/// title names what could not be read and the log event says which records failed.
/// </summary>
internal sealed class StoreUnavailableFilter : IEndpointFilter
{
    /// <summary>The meter and sensor readings.</summary>
    public static readonly StoreUnavailableFilter Readings = new("Storage unavailable", Log.StoreUnavailableForPanel);

    /// <summary>The consent ledger, receipts and the gateway key.</summary>
    public static readonly StoreUnavailableFilter ConsentRecords = new("Consent records unavailable", Log.PanelConsentUnavailable);

    /// <summary>The egress log and outbox.</summary>
    public static readonly StoreUnavailableFilter EgressLog = new("Egress log unavailable", Log.PanelEgressUnavailable);

    private readonly string title;
    private readonly Action<ILogger, string> log;

    private StoreUnavailableFilter(string title, Action<ILogger, string> log)
    {
        this.title = title;
        this.log = log;
    }

    /// <summary>Whether <paramref name="exception"/> means the records could not be read or written.</summary>
    public static bool IsStoreProblem(Exception exception) =>
        exception is StoreUnavailableException or SqliteException or IOException or UnauthorizedAccessException;

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var response = context.HttpContext.Response;
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (IsStoreProblem(exception) && !response.HasStarted)
        {
            // A download that failed before its first byte must not be saved as a file holding the problem.
            response.Headers.ContentDisposition = default;
            return Problem(context.HttpContext.RequestServices, exception);
        }
    }

    /// <summary>The answer for <paramref name="exception"/>, for a failure the endpoint meets outside the filter's reach.</summary>
    public ProblemHttpResult Problem(IServiceProvider services, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(exception);
        log(services.GetRequiredService<ILoggerFactory>().CreateLogger(PanelEndpoints.LogCategory), exception.Message);
        return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: title);
    }
}
