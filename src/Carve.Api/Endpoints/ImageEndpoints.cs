using Carve.Core.Images;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

public static class ImageEndpoints
{
    public static void MapImageEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/images", (ImageCatalog catalog) => TypedResults.Ok(catalog.List()))
            .WithTags("Images").WithSummary("ISOs, kernels, initrds and disk images in the allowed image directories");
}
