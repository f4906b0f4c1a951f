namespace Carve.Core.Configuration;

/// <summary>`metrics: {public: true}` in the config file: GET /metrics without credentials, for a scraper on a trusted network.</summary>
public sealed record MetricsOptions
{
    /// <summary>Off by default: the metrics name every guest, so scraping needs a token (or session) that sees every guest.</summary>
    public bool Public { get; set; }
}
