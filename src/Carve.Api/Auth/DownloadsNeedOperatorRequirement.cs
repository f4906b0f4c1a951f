using Carve.Core.Auth;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>A guest's disks hold everything it has: downloading them (a GET) is more than viewing the guest.</summary>
public sealed class DownloadsNeedOperatorRequirement : CarveRequirement
{
    protected override string? Refusal(HttpContext http, Principal caller) =>
        caller.CanOperate ? null : $"{caller.User} has the viewer role and cannot download disks.";
}
