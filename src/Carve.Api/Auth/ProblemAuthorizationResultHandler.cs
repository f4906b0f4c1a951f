using Carve.Api.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>A refused request gets a 403 problem whose sentence is the first rule it broke; challenges (401) are the scheme's.</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
            return _default.HandleAsync(next, context, policy, authorizeResult);
        var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "You are not allowed to do this.";
        return ProblemResponses.WriteAsync(context, 403, reason);
    }
}
