namespace Carve.SystemTests.Harness;

/// <summary>A simulated power cut: carved and every guest it runs die at once with SIGKILL, and /run is gone.</summary>
public static class PowerLoss
{
    /// <param name="containerInits">The init pids of the running containers (ct show's runtime.initPid), read before the cut.</param>
    public static async Task CutAsync(DaemonProcess d, IReadOnlyList<int> containerInits)
    {
        await d.KillHardAsync();
        // LXC's monitors first (their title names this daemon's lxcpath), so none reacts to its container's end.
        var lxcPath = Path.Combine(d.DataDir, "lxc");
        var victims = Processes.FindByArgument($"[lxc monitor] {lxcPath} ")
            .Concat(Processes.FindByArgument(d.RunDir))
            .Concat(containerInits)
            .ToList();
        foreach (var pid in victims)
            await Processes.RunAsync("kill", ["-KILL", $"{pid}"]);
        foreach (var pid in victims)
            await WaitGoneAsync(pid);
        Directory.Delete(d.RunDir, recursive: true);
    }

    private static async Task WaitGoneAsync(int pid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Processes.IsRunning(pid) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
    }
}
