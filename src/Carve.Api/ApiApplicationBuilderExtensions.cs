using Carve.Api.Auth;
using Carve.Api.Consoles;
using Carve.Api.Endpoints;
using Carve.Api.Errors;
using Carve.Api.Web;
using Microsoft.AspNetCore.Builder;

namespace Carve.Api;

public static class ApiApplicationBuilderExtensions
{
    /// <summary>The middleware order matters: errors wrap everything, auth wraps the endpoints.</summary>
    public static WebApplication UseCarveApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseCarveWebUi();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseHttp2WebSocketsAsGet();
        app.UseRouting();
        app.UseMiddleware<AuthenticationMiddleware>();
        app.MapOpenApi("/api/v1/openapi.json");
        var api = app.MapGroup("/api/v1");
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
        api.MapTokenEndpoints();
        api.MapAuthEndpoints();
        api.MapConsoleTicketEndpoints();
        api.MapVncEndpoints();
        api.MapImageEndpoints();
        return app;
    }
}
