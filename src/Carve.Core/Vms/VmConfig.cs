using System.Text.Json;

namespace Carve.Core.Vms;

/// <summary>A VM's stored configuration: the JSON in the guests table for kind "vm".</summary>
public sealed record VmConfig
{
    public required string Uuid { get; init; }
    public int Cpus { get; init; } = 1;
    public int MemoryMiB { get; init; } = 512;
    public string Firmware { get; init; } = "bios";
    public string Accel { get; init; } = "auto";
    public string? Cdrom { get; init; }
    public string? Kernel { get; init; }
    public string? Initrd { get; init; }
    public string? Cmdline { get; init; }
    public IReadOnlyList<VmDisk> Disks { get; init; } = [];
    public IReadOnlyList<VmNic> Nics { get; init; } = [];
    /// <summary>The per-VM UEFI variable store, a raw volume in the first disk's pool.</summary>
    public VmDisk? EfiVars { get; init; }
    public string? Description { get; init; }
    /// <summary>Host PCI devices given to the VM through vfio-pci.</summary>
    public IReadOnlyList<VmHostPci> HostPci { get; init; } = [];
    /// <summary>Host USB devices: vendor:product or bus-port, validated.</summary>
    public IReadOnlyList<string> HostUsb { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static VmConfig FromJson(string json) =>
        JsonSerializer.Deserialize<VmConfig>(json, Json) ?? throw new InvalidDataException("empty VM config");
}
