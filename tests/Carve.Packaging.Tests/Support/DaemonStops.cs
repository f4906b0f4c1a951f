using Carve.SystemTests.Harness;

namespace Carve.Packaging.Tests.Support;

/// <summary>Stopping carved the way systemd does with KillMode=process: SIGTERM to carved alone, then wait for it.</summary>
public static class DaemonStops
{
    public static async Task TerminateAsync(this DaemonProcess daemon)
    {
        var pid = daemon.Pid;
        (await Processes.RunAsync("kill", ["-TERM", $"{pid}"])).EnsureSuccess();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Processes.IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"carved ({pid}) did not exit within 30 s of SIGTERM. Log:\n{daemon.Log}");
            await Task.Delay(100);
        }
    }
}
