namespace Carve.Lxc.Driver.Support;

internal static class Signals
{
    /// <summary>SIGKILL to a process that is not our child; gone already is fine.</summary>
    public static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }
}
