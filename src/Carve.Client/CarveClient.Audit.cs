using System.Globalization;
using Carve.Contracts.Audit;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /audit?user=&amp;since=&amp;limit=: newest first.</summary>
    public Task<IReadOnlyList<AuditEntryView>> ListAuditAsync(string? user, DateTimeOffset? since, int? limit, CancellationToken ct)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(user))
            query.Add("user=" + Segment(user));
        if (since is { } s)
            query.Add("since=" + Segment(s.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
        if (limit is { } n)
            query.Add("limit=" + n.ToString(CultureInfo.InvariantCulture));
        return GetJsonAsync<IReadOnlyList<AuditEntryView>>("audit" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), ct);
    }
}
