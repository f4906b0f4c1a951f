using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Api.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// One authentication scheme (socket, bearer token or session cookie) and the policies. Every policy starts with
    /// the CSRF check, so a cookie session's missing header is the first thing a refused change hears about.
    /// </summary>
    public static IServiceCollection AddCarveAuth(this IServiceCollection services)
    {
        services.AddAuthentication(CarveAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CarveAuthenticationHandler>(CarveAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(CarvePolicies.Api, p => p.RequireAuthenticatedUser()
                .AddRequirements(new CsrfRequirement(), new ChangesNeedOperatorRequirement(), new ConsolesNeedOperatorRequirement(),
                    new GuestGrantRequirement()))
            .AddPolicy(CarvePolicies.Downloads, p => p.RequireAuthenticatedUser()
                .AddRequirements(new DownloadsNeedOperatorRequirement(), new GuestGrantRequirement()))
            .AddPolicy(CarvePolicies.Admin, p => p.RequireAuthenticatedUser()
                .AddRequirements(new CsrfRequirement(), new AdminRequirement()))
            .AddPolicy(CarvePolicies.OwnSession, p => p.RequireAuthenticatedUser()
                .AddRequirements(new CsrfRequirement(), new ConsolesNeedOperatorRequirement()))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new ApiCallerRequirement()).Build());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }
}
