using System.Globalization;

namespace Carve.Core.Networks;

/// <summary>A host port forwarded to a guest port on a NAT network.</summary>
public sealed record PortPublish(string Protocol, int HostPort, int GuestPort)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{HostPort}:{GuestPort}/{Protocol}");
}
