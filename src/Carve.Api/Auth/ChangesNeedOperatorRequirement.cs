using Carve.Core.Auth;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>Viewers look: any request that may change state needs an operator or an admin.</summary>
public sealed class ChangesNeedOperatorRequirement : CarveRequirement
{
    protected override string? Refusal(HttpContext http, Principal caller) =>
        http.Request.ChangesState() && !caller.CanOperate ? $"{caller.User} has the viewer role and cannot change anything." : null;
}
