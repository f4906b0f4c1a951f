using System.Text.Json;
using Carve.Contracts;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Errors;

/// <summary>Every error leaves as RFC 9457 problem+json with one clear sentence in detail.</summary>
public static class ProblemWriter
{
    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var problem = new ProblemView
        {
            Type = "about:blank",
            Title = ReasonPhrases(status),
            Status = status,
            Detail = detail,
            Instance = context.Request.Path,
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(problem, CarveJson.Options));
    }

    private static string ReasonPhrases(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
