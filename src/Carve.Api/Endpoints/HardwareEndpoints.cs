using Carve.Api.Auth;
using Carve.Core.Hardware;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

public static class HardwareEndpoints
{
    public static void MapHardwareEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/host/check", (HostHardware hardware) => TypedResults.Ok(hardware.Check()))
            .WithTags("Host").WithSummary("Hardware and readiness report: a verdict and a fix per finding");
        api.MapGet("/host/pci", (HostHardware hardware, HttpContext http) => TypedResults.Ok(hardware.Pci(http.GuestFilter())))
            .WithTags("Host").WithSummary("PCI devices with IOMMU groups and whether each can be passed through (for a caller limited to some guests, others' names are hidden)");
        api.MapGet("/host/usb", (HostHardware hardware) => TypedResults.Ok(hardware.Usb()))
            .WithTags("Host").WithSummary("USB devices, by port and by vendor:product id");
    }
}
