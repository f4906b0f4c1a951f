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

    /// <summary>PUT /users/{name}/role: the user's sessions end.</summary>
    public Task<UserView> SetUserRoleAsync(string name, string role, CancellationToken ct) =>
        SendJsonAsync<SetRoleRequest, UserView>(HttpMethod.Put, $"users/{Segment(name)}/role", new SetRoleRequest { Role = role }, ct);

    /// <summary>DELETE /users/{name}.</summary>
    public async Task DeleteUserAsync(string name, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, "users/" + Segment(name), null, ct);
    }
}
