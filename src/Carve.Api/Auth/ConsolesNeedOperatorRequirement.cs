using Carve.Core.Auth;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>A console carries keystrokes: opening one (a WebSocket, though a GET) is acting on the guest.</summary>
public sealed class ConsolesNeedOperatorRequirement : CarveRequirement
{
    protected override string? Refusal(HttpContext http, Principal caller) =>
        http.WebSockets.IsWebSocketRequest && !caller.CanOperate ? $"{caller.User} has the viewer role and cannot use consoles." : null;
}
