using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Aizu.Panel;

/// <summary>
/// Rejects a change that does not carry the anti-forgery token from <c>GET /api/session</c>, so another
/// site open in the household's browser cannot act on the panel (SameSite cookies are the second fence).
/// </summary>
public sealed class CsrfFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return TypedResults.Problem(
                "The request lacks a valid anti-forgery token; reload the panel and try again.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Anti-forgery check failed");
        }

        return await next(context);
    }
}
