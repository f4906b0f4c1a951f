using Carve.Contracts.Auth;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /users.</summary>
    public Task<IReadOnlyList<UserView>> ListUsersAsync(CancellationToken ct) => GetJsonAsync<IReadOnlyList<UserView>>("users", ct);

    /// <summary>POST /users.</summary>
    public Task<UserView> AddUserAsync(CreateUserRequest request, CancellationToken ct) =>
        SendJsonAsync<CreateUserRequest, UserView>(HttpMethod.Post, "users", request, ct);

    /// <summary>PUT /users/{name}/password: the user's sessions end.</summary>
    public async Task SetUserPasswordAsync(string name, string password, CancellationToken ct)
    {
        using var response = await SendJsonBodyAsync(HttpMethod.Put, $"users/{Segment(name)}/password", new SetPasswordRequest { Password = password }, ct);
    }

    /// <summary>PUT /users/{name}/grant: a role, and the guests the user is limited to (null: every guest); its sessions end.</summary>
    public Task<UserView> GrantUserAsync(string name, string role, IReadOnlyList<string>? guests, CancellationToken ct) =>
        SendJsonAsync<GrantRequest, UserView>(HttpMethod.Put, $"users/{Segment(name)}/grant", new GrantRequest { Role = role, Guests = guests }, ct);

    /// <summary>POST /users/{name}/totp: a new pending secret and its otpauth:// URI.</summary>
    public Task<TotpSetupView> BeginUserTotpAsync(string name, CancellationToken ct) =>
        SendEmptyAsync<TotpSetupView>(HttpMethod.Post, $"users/{Segment(name)}/totp", ct);

    /// <summary>POST /users/{name}/totp/confirm: the pending secret goes in force.</summary>
    public async Task ConfirmUserTotpAsync(string name, string code, CancellationToken ct)
    {
        using var response = await SendJsonBodyAsync(HttpMethod.Post, $"users/{Segment(name)}/totp/confirm", new TotpCodeRequest { Code = code }, ct);
    }

    /// <summary>DELETE /users/{name}/totp.</summary>
    public async Task DisableUserTotpAsync(string name, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"users/{Segment(name)}/totp", null, ct);
    }

    /// <summary>DELETE /users/{name}.</summary>
    public async Task DeleteUserAsync(string name, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, "users/" + Segment(name), null, ct);
    }
}
