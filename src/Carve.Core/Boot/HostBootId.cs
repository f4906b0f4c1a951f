using Carve.Core.Configuration;

namespace Carve.Core.Boot;

/// <summary>
/// Tells a host boot from a restart of carved by the kernel's boot id, which changes at every boot and only then.
/// A marker in /run would do too, but not when the run dir is on disk or wiped by hand; the boot id cannot lie.
/// </summary>
public sealed class HostBootId(CarveOptions options)
{
    public string Current() => File.ReadAllText(options.BootIdFile).Trim();

    /// <summary>True when carved has not yet finished a start-up on the boot <paramref name="current"/> (or has never run here).</summary>
    public bool IsNewBoot(string current) => !File.Exists(options.LastBootIdFile) || File.ReadAllText(options.LastBootIdFile).Trim() != current;

    /// <summary>This boot is handled: a later carved start on it is a plain restart.</summary>
    public void Remember(string bootId)
    {
        var partial = options.LastBootIdFile + ".partial";
        File.WriteAllText(partial, bootId + "\n");
        File.Move(partial, options.LastBootIdFile, overwrite: true);
    }
}
