using System.Net;
using Carve.Api.Auth;
using Carve.Core.Audit;
using Carve.Core.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Carve.Api.Audit;

/// <summary>
/// Records every request that may change state (any method but GET, HEAD and OPTIONS) once its answer is known, on
/// either door, whatever route it reaches, so a new route cannot escape it. Not recorded: requests refused before any
/// caller was known (no or bad credentials), except logins, so that strangers cannot flush the log by knocking.
/// </summary>
public static partial class AuditMiddleware
{
    private const string TaskPrefix = "/api/v1/tasks/";
    private const int MaxPathLength = 512;

    /// <summary>Outermost, so that it sees the status the exception handler finally gave.</summary>
    public static IApplicationBuilder UseCarveAudit(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<AuditLog>();
        var time = app.ApplicationServices.GetRequiredService<TimeProvider>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditMiddleware));
        return app.Use(async (http, next) =>
        {
            var audited = new AuditedRequest();
            http.Features.Set(audited);
            var started = time.GetUtcNow();
            var status = StatusCodes.Status500InternalServerError;
            try
            {
                await next(http);
                status = http.Response.StatusCode;
            }
            finally
            {
                if (http.Request.ChangesState() && Describe(http, audited, started, status) is { } e)
                    Record(log, logger, e);
            }
        });
    }

    /// <summary>
    /// A database that cannot be written (read-only, full) already refuses the change itself; the answer the caller
    /// got stands, and the entry goes to the daemon's log instead.
    /// </summary>
    private static void Record(AuditLog log, ILogger logger, AuditEvent e)
    {
        try
        {
            log.Record(e);
        }
        catch (SqliteException x)
        {
            NotRecorded(logger, x, e.User, e.Source, e.Method, e.Path, e.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit log not written for {User} from {Source}: {Method} {Path} -> {Status}")]
    private static partial void NotRecorded(ILogger logger, Exception exception, string user, string source, string method, string path, int status);

    /// <summary>Right after routing: notes the route before anything can clear it.</summary>
    public static IApplicationBuilder UseAuditRouteCapture(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            AuditedRequest.Of(http)?.Capture(http);
            return next(http);
        });

    private static AuditEvent? Describe(HttpContext http, AuditedRequest audited, DateTimeOffset started, int status)
    {
        var caller = http.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
        if (caller is null && !audited.Anonymous)
            return null;
        var who = caller ?? (audited.LoginName is { } tried ? Names.Printable(tried) : "anonymous");
        var location = http.Response.Headers.Location.ToString();
        var task = status == StatusCodes.Status202Accepted && location.StartsWith(TaskPrefix, StringComparison.Ordinal)
            ? location[TaskPrefix.Length..]
            : null;
        var path = http.Request.PathBase + http.Request.Path;
        return new AuditEvent(started, who, SourceOf(http), http.Request.Method, audited.Route ?? path.ToString(),
            Names.Printable(path.ToString(), MaxPathLength), audited.Guest, status, task);
    }

    private static string SourceOf(HttpContext http)
    {
        if (TrustedConnection.IsTrusted(http))
            return "socket";
        var address = http.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
            address = address.MapToIPv4();
        return address?.ToString() ?? IPAddress.None.ToString();
    }
}
