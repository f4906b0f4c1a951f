using Carve.Api.Audit;
using Carve.Api.Auth;
using Carve.Api.Consoles;
using Carve.Api.Endpoints;
using Carve.Api.Errors;
using Carve.Api.Metrics;
using Carve.Api.OpenApi;
using Carve.Api.Web;
using Carve.Core.Configuration;
using Carve.Core.Drivers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Api;

public static class ApiApplicationBuilderExtensions
{
    /// <summary>
    /// The middleware order matters: the audit log wraps everything, so it records the final status; problems wrap the
    /// rest; authentication and authorization run after routing, so that each route group's policy applies to its endpoints.
    /// </summary>
    public static WebApplication UseCarveApi(this WebApplication app)
    {
        app.UseCarveAudit();
        app.UseRequestMetrics();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseCarveWebUi();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseHttp2WebSocketsAsGet();
        app.UseRouting();
        app.UseAuditRouteCapture();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApiDocument();
        app.MapCarveMetrics(app.Services.GetRequiredService<CarveOptions>().Metrics);
        var api = app.MapGroup("/api/v1");
        MapGuarded(api.MapGroup("").RequireAuthorization(CarvePolicies.Api), app.Services.GetRequiredService<GuestDrivers>());
        api.MapGroup("").RequireAuthorization(CarvePolicies.Admin).MapTokenEndpoints();
        api.MapGroup("").RequireAuthorization(CarvePolicies.Admin).MapUserEndpoints();
        api.MapGroup("").RequireAuthorization(CarvePolicies.Admin).MapAuditEndpoints();
        api.MapGroup("").RequireAuthorization(CarvePolicies.Admin).MapCertificateEndpoints();
        api.MapGroup("").RequireAuthorization(CarvePolicies.Admin).MapHostPowerEndpoints();
        // Log in and token-login are anonymous (marked where they are mapped); whoami and logout are the caller's own.
        api.MapGroup("").RequireAuthorization(CarvePolicies.OwnSession).MapAuthEndpoints();
        return app;
    }

    private static void MapGuarded(IEndpointRouteBuilder api, GuestDrivers drivers)
    {
        api.MapHostEndpoints();
        api.MapHardwareEndpoints();
        api.MapGuestEndpoints();
        api.MapSnapshotEndpoints();
        api.MapVmEndpoints();
        api.MapTransferEndpoints();
        api.MapCtEndpoints();
        api.MapGuestKindEndpoints(drivers);
        api.MapNetworkEndpoints();
        api.MapTaskEndpoints();
        api.MapConsoleTicketEndpoints();
        api.MapImageEndpoints();
    }
}
