using Carve.Contracts.Auth;
using Carve.Core.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("", (TokenService service) => TypedResults.Ok(service.List())).WithSummary("API tokens (never their secrets)");
        tokens.MapPost("", (CreateTokenRequest body, TokenService service) =>
            {
                var created = service.Create(body);
                return TypedResults.Created($"/api/v1/tokens/{created.Name}", created);
            })
            .WithSummary("Create a token, limited to some guests when guests are named (not for admin tokens: 400); its secret is in this answer only").Problems();
        tokens.MapDelete("/{name}", (string name, TokenService service) =>
            {
                service.Delete(name);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a token; the web sessions opened with it end").Problems();
    }
}
