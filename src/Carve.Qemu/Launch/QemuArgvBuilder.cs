using System.Text.RegularExpressions;
using static Carve.Qemu.Launch.QemuOptions;

namespace Carve.Qemu.Launch;

/// <summary>
/// Turns a <see cref="QemuLaunchSpec"/> into QEMU's argv (without the program name). Pure: the
/// same spec always gives the same argv, which the golden tests pin down one argument per line.
/// </summary>
public static partial class QemuArgvBuilder
{
    // Ids the builder uses itself; disks and NICs may not take them.
    private const string QmpId = "qmp";
    private const string SerialId = "serial0";
    private const string UsbId = "xhci";
    private const string CdromId = "cdrom0";

    public static IReadOnlyList<string> Build(QemuLaunchSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Validate(spec);
        var argv = new List<string>();
        AddIdentity(argv, spec);
        AddMachine(argv, spec);
        AddControl(argv, spec);
        AddConsole(argv, spec);
        AddFirmware(argv, spec);
        AddKernel(argv, spec);
        AddStorage(argv, spec);
        AddNetwork(argv, spec);
        AddPassthrough(argv, spec);
        return argv;
    }

    private static void AddIdentity(List<string> argv, QemuLaunchSpec spec)
    {
        // debug-threads names vCPU threads "CPU n/KVM", which makes pinning and top readable.
        argv.AddRange(["-name", $"guest={Escape(spec.Name, "VM name")},debug-threads=on"]);
        argv.AddRange(["-uuid", spec.Uuid]);
        // Nothing from /etc/qemu or QEMU's default devices: the argv is the whole VM.
        argv.AddRange(["-no-user-config", "-nodefaults"]);
    }

    private static void AddMachine(List<string> argv, QemuLaunchSpec spec)
    {
        argv.AddRange(["-machine", Escape(spec.Machine, "machine type")]);
        argv.AddRange(["-accel", spec.Accel]);
        // TCG emulates every feature it knows; KVM passes the host CPU through.
        argv.AddRange(["-cpu", spec.Accel == "kvm" ? "host" : "max"]);
        argv.AddRange(["-smp", spec.Cpus.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        argv.AddRange(["-m", spec.MemoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    private static void AddControl(List<string> argv, QemuLaunchSpec spec)
    {
        // QEMU outlives carved, so it detaches and records its pid for the daemon to find again.
        if (spec.Daemonize)
            argv.Add("-daemonize");
        argv.AddRange(["-pidfile", AbsolutePath(spec.PidFile, "pid file")]);
        argv.AddRange(["-chardev", $"socket,id={QmpId},path={Escape(AbsolutePath(spec.QmpSocket, "QMP socket"), "QMP socket")},server=on,wait=off"]);
        argv.AddRange(["-mon", $"chardev={QmpId},mode=control"]);
        if (spec.StartPaused)
            argv.Add("-S");
    }

    private static void AddConsole(List<string> argv, QemuLaunchSpec spec)
    {
        // QEMU writes the log itself, so everything the guest prints is kept even while no one is attached.
        var serialPath = Escape(AbsolutePath(spec.SerialSocket, "serial socket"), "serial socket");
        var serialLog = Escape(AbsolutePath(spec.SerialLog, "serial log"), "serial log");
        argv.AddRange(["-chardev", $"socket,id={SerialId},path={serialPath},server=on,wait=off,logfile={serialLog},logappend=on"]);
        argv.AddRange(["-serial", $"chardev:{SerialId}"]);
        // No local window: the screen is served on a unix-socket VNC server only.
        argv.AddRange(["-display", "none"]);
        argv.AddRange(["-vnc", $"unix:{Escape(AbsolutePath(spec.VncSocket, "VNC socket"), "VNC socket")}"]);
        // A passed-through primary GPU is the display; the emulated one would only compete with it.
        argv.AddRange(["-vga", spec.HostPci.Any(p => p.PrimaryGpu) ? "none" : "std"]);
        // An absolute pointer keeps the browser console's mouse where the user sees it.
        argv.AddRange(["-device", $"qemu-xhci,id={UsbId}"]);
        argv.AddRange(["-device", $"usb-tablet,bus={UsbId}.0"]);
        argv.AddRange(["-device", "virtio-rng-pci"]);
    }

    private static void Validate(QemuLaunchSpec spec)
    {
        if (spec.Accel is not ("kvm" or "tcg"))
            throw new ArgumentException($"Accel must be \"kvm\" or \"tcg\", not \"{spec.Accel}\".", nameof(spec));
        if (!Guid.TryParseExact(spec.Uuid, "D", out _))
            throw new ArgumentException($"The UUID '{spec.Uuid}' is not of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.", nameof(spec));
        if (string.IsNullOrEmpty(spec.Name))
            throw new ArgumentException("The VM name is empty.", nameof(spec));
        if (!MachinePattern().IsMatch(spec.Machine))
            throw new ArgumentException($"Unsupported machine type '{spec.Machine}' (q35, pc, pc-q35-*, pc-i440fx-*).", nameof(spec));
        if (spec.Cpus is < 1 or > 288)
            throw new ArgumentException($"Cpus must be between 1 and 288, not {spec.Cpus}.", nameof(spec));
        if (spec.MemoryMiB < 16)
            throw new ArgumentException($"MemoryMiB must be at least 16, not {spec.MemoryMiB}.", nameof(spec));

        var ids = new HashSet<string>(StringComparer.Ordinal) { QmpId, SerialId, UsbId, CdromId };
        foreach (var id in spec.Disks.Select(d => d.Id).Concat(spec.Nics.Select(n => n.Id)))
            if (!ids.Add(Id(id, "disk or NIC id")))
                throw new ArgumentException($"The id '{id}' is used twice or is reserved.", nameof(spec));
    }

    private static bool IsI440fx(QemuLaunchSpec spec) => spec.Machine == "pc" || spec.Machine.StartsWith("pc-i440fx-");

    [GeneratedRegex(@"^(q35|pc|pc-q35-[0-9.]+|pc-i440fx-[0-9.]+)$")]
    private static partial Regex MachinePattern();
}
