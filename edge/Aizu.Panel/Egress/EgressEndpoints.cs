namespace Aizu.Panel;

/// <summary>
/// "What left my home": <c>GET /api/egress?purpose=&amp;category=&amp;status=sent|refused|pending|dropped&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd&amp;before=KEY&amp;limit=50</c>,
/// the egress log and the outbox from <see cref="EgressHistory"/>, newest first, each message with its payload
/// exactly as sent. Without a city connection the answer says <c>configured: false</c>: nothing can leave.
/// </summary>
public static class EgressEndpoints
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Maps the egress log API and returns its route group, so the host adds the household policy.</summary>
    public static RouteGroupBuilder MapEgressApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/egress").AddEndpointFilter(StoreUnavailableFilter.EgressLog);
        group.MapGet("", ListAsync);
        return group;
    }

    private static async Task<Results<Ok<EgressPage>, ProblemHttpResult>> ListAsync(
        HttpRequest request, IServiceProvider services, PanelClock clock, CancellationToken cancellationToken)
    {
        if (services.GetService<EgressHistory>() is not { } history)
        {
            return TypedResults.Ok(new EgressPage(false, clock.Zone.Id, [], null, []));
        }

        var query = request.Query;
        if (Parse(query, clock) is not { } filter)
        {
            return TypedResults.Problem(
                "Unknown filter: status is sent, refused, pending or dropped; from and to are dates (yyyy-MM-dd); limit is 1–200.",
                statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");
        }

        try
        {
            var page = await history.ReadAsync(filter, cancellationToken);
            var purposes = await history.ListPurposesAsync(cancellationToken);
            return TypedResults.Ok(new EgressPage(
                true,
                clock.Zone.Id,
                [.. page.Records.Select(Item)],
                page.NextBefore,
                [.. purposes.Select(p => new EgressPurposeOption(p.Purpose, p.Category))]));
        }
        catch (ArgumentException)
        {
            return TypedResults.Problem("'before' is not a position in the egress log; start from the newest page.", statusCode: StatusCodes.Status400BadRequest, title: "Bad page");
        }
    }

    private static EgressHistoryQuery? Parse(IQueryCollection query, PanelClock clock)
    {
        EgressRecordStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } statusText)
        {
            if (!Enum.TryParse<EgressRecordStatus>(statusText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsAsciiDigit(statusText[0]))
            {
                return null;
            }

            status = parsed;
        }

        DateTimeOffset? since = null;
        DateTimeOffset? until = null;
        if (query["from"].ToString() is { Length: > 0 } fromText)
        {
            if (!DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                return null;
            }

            since = clock.Calendar.StartOfDay(from);
        }

        if (query["to"].ToString() is { Length: > 0 } toText)
        {
            if (!DateOnly.TryParseExact(toText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            {
                return null;
            }

            until = clock.Calendar.EndOfDay(to);
        }

        var limit = 50;
        if (query["limit"].ToString() is { Length: > 0 } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > EgressHistoryQuery.MaxLimit))
        {
            return null;
        }

        return new EgressHistoryQuery
        {
            Purpose = Text(query["purpose"]),
            Category = Text(query["category"]),
            Status = status,
            Since = since,
            Until = until,
            Before = Text(query["before"]),
            Limit = limit,
        };
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString() is { Length: > 0 } text ? text : null;

    private static EgressItem Item(EgressRecord record)
    {
        string? text;
        try
        {
            text = StrictUtf8.GetString(record.Payload.Span);
        }
        catch (DecoderFallbackException)
        {
            text = null;
        }

        return new EgressItem(
            record.Key,
            record.At,
            record.Status switch
            {
                EgressRecordStatus.Sent => "sent",
                EgressRecordStatus.Refused => "refused",
                EgressRecordStatus.Pending => "pending",
                _ => "dropped",
            },
            record.MessageId,
            record.Attempt,
            record.Kind switch
            {
                MessageKind.Data => "data",
                MessageKind.ConsentState => "consentState",
                MessageKind.DeletionRequest => "deletionRequest",
                MessageKind.AlertAcknowledgement => "alertAck",
                _ => "other",
            },
            record.Topic,
            record.Purpose,
            record.Category,
            record.ContentType,
            record.Retain,
            [.. record.UserProperties.Select(p => new EgressProperty(p.Key, p.Value))],
            Convert.ToBase64String(record.Payload.Span),
            text,
            record.Payload.Length,
            record.ConsentReference,
            record.ReasonCode,
            record.Reason);
    }
}
