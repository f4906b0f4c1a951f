namespace Carve.Transfer;

/// <summary>A NIC of the OVF's VM: the Carve model (virtio or e1000) and the MAC address if the OVF fixes one.</summary>
public sealed record OvfNic(string Model, string? Mac);
