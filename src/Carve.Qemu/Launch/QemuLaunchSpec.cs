namespace Carve.Qemu.Launch;

/// <summary>Everything <see cref="QemuArgvBuilder"/> needs to start one VM; built by the QEMU driver.</summary>
public sealed record QemuLaunchSpec
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string Uuid { get; init; }
    public int Cpus { get; init; } = 1;
    public int MemoryMiB { get; init; } = 512;

    /// <summary>"kvm" or "tcg", already resolved (never "auto").</summary>
    public string Accel { get; init; } = "tcg";

    /// <summary>q35 (or a versioned pc-q35-*); pc / pc-i440fx-* for old guests.</summary>
    public string Machine { get; init; } = "q35";

    /// <summary>OVMF firmware; null boots SeaBIOS.</summary>
    public QemuFirmware? Uefi { get; init; }

    public IReadOnlyList<QemuDisk> Disks { get; init; } = [];
    public string? CdromPath { get; init; }
    public string? KernelPath { get; init; }
    public string? InitrdPath { get; init; }
    public string? Cmdline { get; init; }
    public IReadOnlyList<QemuNic> Nics { get; init; } = [];
    public IReadOnlyList<QemuHostPci> HostPci { get; init; } = [];
    public IReadOnlyList<QemuHostUsb> HostUsb { get; init; } = [];
    public required string QmpSocket { get; init; }
    public required string SerialSocket { get; init; }
    public required string SerialLog { get; init; }
    public required string VncSocket { get; init; }
    public required string PidFile { get; init; }
    public bool Daemonize { get; init; } = true;

    /// <summary>Starts with the vCPUs paused (-S), e.g. to load a RAM snapshot before the guest runs.</summary>
    public bool StartPaused { get; init; }
}
