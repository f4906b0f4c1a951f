using System.Globalization;
using Carve.Host.Proc;

namespace Carve.Qemu.Driver;

/// <summary>
/// Finds a VM's QEMU from its pid file. The pid must be alive and its argv must name this VM's QMP socket:
/// a stale pid file whose number was reused by another process is never taken for the VM.
/// </summary>
public sealed class QemuProcessLocator(ProcFs proc)
{
    public int? Find(QemuPaths paths)
    {
        string text;
        try
        {
            text = File.ReadAllText(paths.PidFile).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            return null;
        var argv = proc.ReadCmdline(pid);
        return argv is not null && argv.Any(a => a.Contains($"path={paths.QmpSocket},", StringComparison.Ordinal)
            || a.Contains($"path={paths.QmpSocket.Replace(",", ",,", StringComparison.Ordinal)},", StringComparison.Ordinal))
            ? pid
            : null;
    }

    public bool IsAlive(int pid) => proc.IsRunning(pid);
}
