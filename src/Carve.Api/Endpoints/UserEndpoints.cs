using Carve.Contracts.Auth;
using Carve.Core.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("", (UserService service) => TypedResults.Ok(service.List())).WithSummary("Password users (never their passwords)");
        users.MapPost("", (CreateUserRequest body, UserService service) =>
            {
                var created = service.Add(body);
                return TypedResults.Created($"/api/v1/users/{created.Name}", created);
            })
            .WithSummary($"Add a user; the password needs at least {PasswordRules.MinLength} characters").Problems();
        users.MapPut("/{name}/password", (string name, SetPasswordRequest body, UserService service) =>
            {
                service.SetPassword(name, body);
                return TypedResults.NoContent();
            })
            .WithSummary("Set a user's password; the user's sessions end").Problems();
        users.MapPut("/{name}/grant", (string name, GrantRequest body, UserService service) =>
                TypedResults.Ok(service.Grant(name, body)))
            .WithSummary("Set a user's role and the guests it is limited to (guests null: every guest); the user's sessions end. Admins cannot be limited (400); the last admin cannot be demoted (409)").Problems();
        users.MapDelete("/{name}", (string name, UserService service) =>
            {
                service.Delete(name);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a user and end its sessions. The last admin cannot be deleted (409)").Problems();
    }
}
