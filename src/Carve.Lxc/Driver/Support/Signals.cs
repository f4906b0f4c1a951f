namespace Carve.Lxc.Driver.Support;

internal static partial class Signals
{
    public const int SigPwr = 30;

    /// <summary>Sends a signal to a process that is not our child; gone already is fine.</summary>
    public static void Send(int pid, int signal) => _ = kill(pid, signal);

    [System.Runtime.InteropServices.LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);

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
