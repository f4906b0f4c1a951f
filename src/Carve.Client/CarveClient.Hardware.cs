using Carve.Contracts.Host;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /host/check.</summary>
    public Task<HostCheckReport> GetHostCheckAsync(CancellationToken ct) => GetJsonAsync<HostCheckReport>("host/check", ct);

    /// <summary>GET /host/pci.</summary>
    public Task<IReadOnlyList<PciDeviceView>> ListPciAsync(CancellationToken ct) => GetJsonAsync<IReadOnlyList<PciDeviceView>>("host/pci", ct);

    /// <summary>GET /host/usb.</summary>
    public Task<IReadOnlyList<UsbDeviceView>> ListUsbAsync(CancellationToken ct) => GetJsonAsync<IReadOnlyList<UsbDeviceView>>("host/usb", ct);
}
