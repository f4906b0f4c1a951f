namespace Carve.Contracts.Vms;

public sealed record NicRequest
{
    /// <summary>"user" is QEMU user-mode NAT.</summary>
    public string Network { get; init; } = "user";
    /// <summary>virtio or e1000.</summary>
    public string Model { get; init; } = "virtio";
    public string? Mac { get; init; }
}
