using System.Globalization;
using Carve.Core.Configuration;

namespace Carve.Qemu.Driver;

/// <summary>Where one VM's runtime files live. Sockets and the pid file are in the run dir; the console log is data.</summary>
public sealed record QemuPaths(string RuntimeDir, string SerialLog)
{
    public string QmpSocket => Path.Combine(RuntimeDir, "qmp.sock");
    public string SerialSocket => Path.Combine(RuntimeDir, "serial.sock");
    public string VncSocket => Path.Combine(RuntimeDir, "vnc.sock");
    public string PidFile => Path.Combine(RuntimeDir, "qemu.pid");
    /// <summary>The config the running QEMU was started with, and why its accel was chosen.</summary>
    public string AppliedConfig => Path.Combine(RuntimeDir, "applied.json");
    public string AccelFile => Path.Combine(RuntimeDir, "accel");

    /// <summary>Files that only mean something while QEMU runs; cleared before a start and after an exit.</summary>
    public IReadOnlyList<string> RuntimeFiles => [PidFile, QmpSocket, SerialSocket, VncSocket, AppliedConfig, AccelFile];

    public static QemuPaths For(CarveOptions options, int id)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        return new QemuPaths(Path.Combine(options.RunDir, "qemu", key), Path.Combine(options.LogsDir, $"vm-{key}-serial.log"));
    }
}
