using Carve.Core.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>
/// A rule about the caller and the request. Each rule is its own handler, so the policy's rules run in the order the
/// policy lists them and the first refusal's sentence is the one the 403 says (<see cref="ProblemAuthorizationResultHandler"/>).
/// An anonymous request is not judged here: the policy's authenticated-user rule turns it into a 401.
/// </summary>
public abstract class CarveRequirement : IAuthorizationRequirement, IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not HttpContext http || context.User.Identity?.IsAuthenticated != true)
            return Task.CompletedTask;
        if (Refusal(http, http.Caller()) is { } sentence)
            context.Fail(new AuthorizationFailureReason(this, sentence));
        else
            context.Succeed(this);
        return Task.CompletedTask;
    }

    /// <summary>Why this caller may not make this request, or null when it may.</summary>
    protected abstract string? Refusal(HttpContext http, Principal caller);
}
