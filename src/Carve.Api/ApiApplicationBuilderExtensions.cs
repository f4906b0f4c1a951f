using Carve.Api.Auth;
using Carve.Api.Consoles;
using Carve.Api.Endpoints;
using Carve.Api.Errors;
using Carve.Api.Web;
using Carve.Core.Drivers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Api;

public static class ApiApplicationBuilderExtensions
{
    /// <summary>The middleware order matters: errors wrap everything, auth wraps the endpoints.</summary>
    public static WebApplication UseCarveApi(this WebApplication app)
    {
        app.UseMiddleware<ProblemMiddleware>();
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
        api.MapGuestKindEndpoints(app.Services.GetRequiredService<GuestDrivers>());
        api.MapNetworkEndpoints();
        api.MapTaskEndpoints();
        api.MapTokenEndpoints();
        api.MapAuthEndpoints();
        api.MapConsoleTicketEndpoints();
        api.MapImageEndpoints();
        return app;
    }
}
