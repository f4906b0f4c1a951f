using System.Text.Json;
using Carve.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Carve.Api.Errors;

/// <summary>Turns exceptions and bare error statuses into problem+json. A 5xx means a bug (or a host tool failing).</summary>
public sealed partial class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null
                && context.Response.ContentType is null)
                await ProblemWriter.WriteAsync(context, context.Response.StatusCode, DefaultDetail(context));
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var (status, detail) = Translate(e);
            if (status >= 500)
                LogFailure(context.Request.Method, context.Request.Path, e);
            await ProblemWriter.WriteAsync(context, status, detail);
        }
    }

    private static (int Status, string Detail) Translate(Exception e) => e switch
    {
        CarveException c => (c.Status, c.Message),
        Carve.Host.Processes.ProgramNotStartedException p => (500, p.Message),
        BadHttpRequestException { InnerException: JsonException json } => (400, "The request body is not valid: " + json.Message),
        BadHttpRequestException b => (b.StatusCode, b.Message.TrimEnd('.') + "."),
        JsonException json => (400, "The request body is not valid: " + json.Message),
        OperationCanceledException => (499, "The request was cancelled."),
        _ => (500, "Internal error: " + e.Message),
    };

    private static string DefaultDetail(HttpContext context) => context.Response.StatusCode switch
    {
        404 => $"There is no API endpoint {context.Request.Method} {context.Request.Path}.",
        405 => $"{context.Request.Method} is not allowed on {context.Request.Path}.",
        415 => "Send the request body as application/json.",
        _ => "The request failed.",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private partial void LogFailure(string method, string path, Exception exception);
}
