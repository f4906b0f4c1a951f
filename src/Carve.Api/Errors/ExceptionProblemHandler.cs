using System.Text.Json;
using Carve.Core.Errors;
using Carve.Host.Processes;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Carve.Api.Errors;

/// <summary>
/// Turns exceptions into problem+json. A <see cref="CarveException"/> carries a sentence meant for the user; any
/// other exception is a bug, answered with a fixed sentence and a trace id, never with its own text (which can
/// name paths, SQL or other internals). The exception itself goes to the log under that id.
/// </summary>
public sealed partial class ExceptionProblemHandler(ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var traceId = ProblemResponses.TraceId(httpContext);
        var (status, detail) = Translate(exception, traceId);
        if (status >= 500)
            LogFailure(httpContext.Request.Method, httpContext.Request.Path, traceId, exception);
        if (exception is TooManyAttemptsException tooMany)
            httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ProblemResponses.WriteAsync(httpContext, status, detail, (exception as CarveException)?.ProblemType);
        return true;
    }

    private static (int Status, string Detail) Translate(Exception e, string traceId) => e switch
    {
        CarveException c => (c.Status, c.Message),
        // A host program that is missing or not executable: a host problem, which its own sentence says plainly.
        ProgramNotStartedException p => (500, p.Message),
        BadHttpRequestException { InnerException: JsonException json } => (400, "The request body is not valid: " + json.Message),
        BadHttpRequestException b => (b.StatusCode, b.Message.TrimEnd('.') + "."),
        JsonException json => (400, "The request body is not valid: " + json.Message),
        OperationCanceledException => (499, "The request was cancelled."),
        // The host refusing writes to the database (read-only, full): a sentence that says so, not "a bug".
        _ when Core.State.DatabaseFault.Explain(e) is { } fault => (fault.Status, fault.Message),
        _ => (500, $"Internal error (a bug in carved): its log has the details under trace id {traceId}; quote that id when you report it."),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed (trace id {TraceId})")]
    private partial void LogFailure(string method, string path, string traceId, Exception exception);
}
