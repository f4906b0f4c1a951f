using Carve.Contracts;
using Carve.Contracts.Host;
using Carve.Core.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>The HTTPS certificate (admin only): show it, replace it with one's own, or go back to a self-signed one.</summary>
public static class CertificateEndpoints
{
    public static void MapCertificateEndpoints(this IEndpointRouteBuilder api)
    {
        var certificate = api.MapGroup("/host/certificate").WithTags("Host");
        certificate.MapGet("", (TlsCertificates certificates) => TypedResults.Ok(certificates.Describe()))
            .WithSummary("The certificate carved presents over HTTPS");
        certificate.MapPut("", (SetCertificateRequest body, TlsCertificates certificates) => TypedResults.Ok(certificates.Replace(body)))
            .WithSummary("Serve this PEM certificate (with any intermediates after it) and key from the next TLS connection on; no restart")
            .Produces<ProblemView>(400, "application/problem+json");
        certificate.MapDelete("", (TlsCertificates certificates) => TypedResults.Ok(certificates.Reset()))
            .WithSummary("Go back to a new self-signed certificate");
    }
}
