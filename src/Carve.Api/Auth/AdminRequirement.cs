using Carve.Core.Auth;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>API tokens, users and the audit log are keys to the whole host: only admins see or change them.</summary>
public sealed class AdminRequirement : CarveRequirement
{
    protected override string? Refusal(HttpContext http, Principal caller) =>
        caller.IsAdmin ? null : "Only admins can manage API tokens, users and the audit log.";
}
