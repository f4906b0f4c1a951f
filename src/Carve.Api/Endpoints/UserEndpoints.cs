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
        users.MapPost("/{name}/totp", (string name, TotpService totp) => TypedResults.Ok(totp.Begin(name)))
            .WithSummary("Start a TOTP second factor for a user: a new secret and its otpauth:// URI for the user's authenticator app; in force once a code from it confirms it").Problems();
        users.MapPost("/{name}/totp/confirm", (string name, TotpCodeRequest body, TotpService totp) =>
            {
                totp.Confirm(name, body.Code);
                return TypedResults.NoContent();
            })
            .WithSummary("Put a user's new TOTP secret in force with a current code from it (400 for a wrong code, 409 when none was started)").Problems();
        users.MapDelete("/{name}/totp", (string name, TotpService totp) =>
            {
                totp.Disable(name);
                return TypedResults.NoContent();
            })
            .WithSummary("Turn a user's second factor off (for a lost phone): logging in needs the password alone").Problems();
        users.MapDelete("/{name}", (string name, UserService service) =>
            {
                service.Delete(name);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a user and end its sessions. The last admin cannot be deleted (409)").Problems();
    }
}
