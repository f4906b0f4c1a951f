using Carve.Contracts.Auth;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /tokens.</summary>
    public Task<IReadOnlyList<TokenView>> ListTokensAsync(CancellationToken ct) => GetJsonAsync<IReadOnlyList<TokenView>>("tokens", ct);

    /// <summary>POST /tokens: the answer holds the secret, which is never shown again.</summary>
    public Task<TokenCreated> CreateTokenAsync(CreateTokenRequest request, CancellationToken ct) =>
        SendJsonAsync<CreateTokenRequest, TokenCreated>(HttpMethod.Post, "tokens", request, ct);

    /// <summary>DELETE /tokens/{name}.</summary>
    public async Task DeleteTokenAsync(string name, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, "tokens/" + Segment(name), null, ct);
    }
}
