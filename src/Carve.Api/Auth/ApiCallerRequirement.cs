using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>
/// The fallback for requests that reach no API endpoint (an unknown route, a wrong method): under /api they too need a
/// caller, so that a stranger learns nothing about the API by probing it. Other paths (the web UI's) are public.
/// </summary>
public sealed class ApiCallerRequirement : IAuthorizationRequirement, IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var underApi = context.Resource is HttpContext http && http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
        if (!underApi || context.User.Identity?.IsAuthenticated == true)
            context.Succeed(this);
        return Task.CompletedTask;
    }
}
