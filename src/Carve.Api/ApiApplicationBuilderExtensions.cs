using Carve.Api.Auth;
using Carve.Api.Consoles;
using Carve.Api.Endpoints;
using Carve.Api.Errors;
using Carve.Api.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api;

public static class ApiApplicationBuilderExtensions
{
    /// <summary>
    /// The middleware order matters: problems wrap everything; authentication and authorization run after routing,
    /// so that each route group's policy applies to its endpoints.
    /// </summary>
    public static WebApplication UseCarveApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseCarveWebUi();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseHttp2WebSocketsAsGet();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/api/v1/openapi.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1");
        MapGuarded(api.MapGroup("").RequireAuthorization(CarvePolicies.Api));
        api.MapGroup("").RequireAuthorization(CarvePolicies.Admin).MapTokenEndpoints();
        // Log in and token-login are anonymous (marked where they are mapped); whoami and logout are the caller's own.
        api.MapGroup("").RequireAuthorization(CarvePolicies.OwnSession).MapAuthEndpoints();
        return app;
    }

    private static void MapGuarded(IEndpointRouteBuilder api)
    {
        api.MapHostEndpoints();
        api.MapHardwareEndpoints();
        api.MapGuestEndpoints();
        api.MapSnapshotEndpoints();
        api.MapVmEndpoints();
        api.MapTransferEndpoints();
        api.MapCtEndpoints();
        api.MapNetworkEndpoints();
        api.MapConsoleEndpoints();
        api.MapExecEndpoints();
        api.MapTaskEndpoints();
        api.MapConsoleTicketEndpoints();
        api.MapVncEndpoints();
        api.MapImageEndpoints();
    }
}
