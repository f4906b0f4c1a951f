using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Errors;

/// <summary>Bare error statuses (no route, wrong method, wrong content type) get a problem+json body with a sentence.</summary>
public static class StatusCodeProblems
{
    public static Task WriteAsync(StatusCodeContext pages)
    {
        var context = pages.HttpContext;
        return ProblemResponses.WriteAsync(context, context.Response.StatusCode, Detail(context));
    }

    private static string Detail(HttpContext context) => context.Response.StatusCode switch
    {
        404 => $"There is no API endpoint {context.Request.Method} {context.Request.Path}.",
        405 => $"{context.Request.Method} is not allowed on {context.Request.Path}.",
        415 => "Send the request body as application/json.",
        _ => "The request failed.",
    };
}
