namespace Aizu.Panel;

/// <summary>
/// Rejects a change that does not carry the anti-forgery token from <c>GET /api/session</c>, so another
/// site open in the household's browser cannot act on the panel (SameSite cookies are the second fence).
/// </summary>
public sealed class CsrfFilter(IAntiforgery antiforgery, IServiceProvider services) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        bool valid;
        try
        {
            valid = await antiforgery.IsRequestValidAsync(context.HttpContext);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or AntiforgeryValidationException)
        {
            // The token is looked for in a form body; one that cannot be parsed is the client's fault (400),
            // not the gateway's (it was 500, with an error and a stack trace logged for each request).
            services.GetRequiredService<UnreadableFormLog>().Refused(context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", exception.Message);
            return TypedResults.Problem(
                "The request body is not a form the panel can read.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unreadable request");
        }

        if (!valid)
        {
            return TypedResults.Problem(
                "The request lacks a valid anti-forgery token; reload the panel and try again.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Anti-forgery check failed");
        }

        return await next(context);
    }
}
