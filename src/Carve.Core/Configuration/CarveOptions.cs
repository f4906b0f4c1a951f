namespace Carve.Core.Configuration;

/// <summary>
/// Everything the daemon is configured with. Defaults are the embedded defaults of DESIGN.md. Settable, not
/// init-only, so that the config file's source-generated reader keeps the defaults of the keys it leaves out.
/// </summary>
public sealed record CarveOptions
{
    public string DataDir { get; set; } = "/var/lib/carve";
    public string RunDir { get; set; } = "/run/carve";
    /// <summary>HOST:PORT for HTTPS, or "none".</summary>
    public string Listen { get; set; } = "0.0.0.0:8006";
    /// <summary>Directories from which ISOs, kernels and disk images may be read. The data dir's images/ is always allowed.</summary>
    public IReadOnlyList<string> ImageRoots { get; set; } = [];
    public IReadOnlyList<PoolOptions> Pools { get; set; } = [];
    public string QemuBinary { get; set; } = "qemu-system-x86_64";
    public string QemuImg { get; set; } = "qemu-img";
    public string OvmfCode { get; set; } = "/usr/share/OVMF/OVMF_CODE_4M.fd";
    public string OvmfVars { get; set; } = "/usr/share/OVMF/OVMF_VARS_4M.fd";
    public string KvmDevice { get; set; } = "/dev/kvm";
    /// <summary>Seconds an ACPI shutdown waits before the guest is stopped hard.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 60;
    /// <summary>The kernel's id of this boot: when it differs from the one carved last saw, the host has booted.</summary>
    public string BootIdFile { get; set; } = "/proc/sys/kernel/random/boot_id";
    /// <summary>
    /// When carved's own stop also shuts the guests down (in reverse start order): "host-shutdown" (only while the
    /// system goes down), "always" or "never".
    /// </summary>
    public string StopGuestsOnExit { get; set; } = StopGuestsOnExitValues.HostShutdown;
    /// <summary>How much of each guest's serial output is kept.</summary>
    public long ConsoleLogMaxBytes { get; set; } = 1 << 20;

    /// <summary>Memory and cores the host keeps for itself; guests are admitted only into what is left.</summary>
    public ReservedOptions Reserved { get; set; } = new();
    /// <summary>How far running guests' memory may exceed host memory minus the reservation: 1.0 never, 1.5 by half.</summary>
    public double Overcommit { get; set; } = 1.0;
    public HardwareOptions Hardware { get; set; } = new();
    /// <summary>Throttling of failed logins (web UI password and API token log-in).</summary>
    public LoginOptions Login { get; set; } = new();
    /// <summary>Who may scrape GET /metrics.</summary>
    public MetricsOptions Metrics { get; set; } = new();
    /// <summary>The built web UI (index.html and its assets); wwwroot beside the carved executable when not set.</summary>
    public string? WebRoot { get; init; }

    /// <summary>Where container templates are kept; DATA/templates when not set.</summary>
    public string? TemplatesDir { get; init; }

    public string EffectiveWebRoot => WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
    public string ImagesDir => Path.Combine(DataDir, "images");
    public string EffectiveTemplatesDir => TemplatesDir ?? Path.Combine(DataDir, "templates");
    public string LogsDir => Path.Combine(DataDir, "logs");
    public string DatabasePath => Path.Combine(DataDir, "carve.db");
    public string SocketPath => Path.Combine(RunDir, "carved.sock");
    public string LastBootIdFile => Path.Combine(DataDir, "boot-id");

    public IReadOnlyList<PoolOptions> EffectivePools =>
        Pools.Count > 0 ? Pools : [new PoolOptions { Name = "local", Type = "dir", Path = Path.Combine(DataDir, "pools", "local") }];

    public IReadOnlyList<string> EffectiveImageRoots => [ImagesDir, .. ImageRoots];
}
