using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Carve.Api.Errors;

/// <summary>Every error leaves as RFC 9457 problem+json with one clear sentence in detail.</summary>
public static class ProblemResponses
{
    /// <summary>
    /// Written through the problem-details service when it accepts the request's Accept header, as plain JSON
    /// otherwise (TypedResults.Problem falls back by itself): a client asking for text/plain still gets the sentence.
    /// Every problem carries the trace id under which the daemon's log knows the request.
    /// </summary>
    public static Task WriteAsync(HttpContext context, int status, string detail, string? type = null)
    {
        var problem = new ProblemDetails
        {
            Type = type ?? "about:blank",
            Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error",
            Status = status,
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["traceId"] = TraceId(context);
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }

    /// <summary>The id a user quotes from a 500 and an admin finds in the log: the W3C trace id when tracing is on.</summary>
    public static string TraceId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;
}
