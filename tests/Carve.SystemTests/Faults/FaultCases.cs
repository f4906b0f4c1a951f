using Carve.SystemTests.Harness;

namespace Carve.SystemTests.Faults;

/// <summary>
/// The task types of the matrix. "fv" is the VM most cases act on (a direct-boot test guest with a 64 MiB disk and a
/// snapshot "base"); the create-like cases make a guest of their own, which the next kill's preparation removes.
/// </summary>
internal static class FaultCases
{
    public const string Vm = "fv";
    private static readonly string[] KeepsVm = [Vm];
    private static readonly string[] KeepsBoth = [Vm, "fct"];

    public static async Task SetUpAsync(DaemonProcess d)
    {
        (await d.CreateDirectBootVmAsync(Vm, "--disk", "size=64M")).EnsureSuccess();
        (await d.CarveAsync("snapshot", "create", Vm, "base")).EnsureSuccess();
    }

    public static IEnumerable<FaultCase> VmCases() =>
    [
        new("vm create", (d, _) => AbsentAsync(d, "vm", "fc-new"),
            (_, _) => ["vm", "create", "fc-new", "--memory", "64", "--disk", "size=32M"]) { Keeps = KeepsVm },
        new("vm start", (d, _) => StoppedAsync(d), (_, _) => ["vm", "start", Vm]) { Keeps = KeepsVm },
        new("vm stop", (d, _) => RunningAsync(d), (_, _) => ["vm", "stop", Vm]) { Keeps = KeepsVm },
        new("vm shutdown", (d, _) => RunningAsync(d), (_, _) => ["vm", "shutdown", Vm, "--timeout", "5"]) { Keeps = KeepsVm },
        new("snapshot", (d, _) => StoppedAsync(d), (_, kill) => ["snapshot", "create", Vm, $"d{kill}"]) { Keeps = KeepsVm },
        new("snapshot with RAM", (d, _) => RunningAsync(d), (_, kill) => ["snapshot", "create", Vm, $"m{kill}", "--memory"]) { Keeps = KeepsVm },
        new("rollback", (d, _) => StoppedAsync(d), (_, _) => ["snapshot", "rollback", Vm, "base"]) { Keeps = KeepsVm },
        new("clone", async (d, _) => { await StoppedAsync(d); await AbsentAsync(d, "vm", "fc-clone"); },
            (_, _) => ["clone", Vm, "fc-clone"]) { Keeps = KeepsVm },
        new("import", (d, _) => AbsentAsync(d, "vm", "fc-imp"), (_, _) => ["vm", "import", TestGuest.DataDisk, "--name", "fc-imp"]) { Keeps = KeepsVm },
        new("export", (d, _) => StoppedAsync(d), (d, kill) => ["vm", "export", Vm, "--format", "qcow2", "-o", Path.Combine(d.Root, $"export-{kill}.qcow2")]) { Keeps = KeepsVm },
        new("container create", (d, _) => AbsentAsync(d, "ct", "fct"), (_, _) => ["ct", "create", "fct", "--template", "busybox", "--memory", "64"]) { Keeps = KeepsVm },
        new("container start", (d, _) => ContainerAsync(d, running: false), (_, _) => ["ct", "start", "fct"]) { Keeps = KeepsBoth },
        new("container stop", (d, _) => ContainerAsync(d, running: true), (_, _) => ["ct", "stop", "fct"]) { Keeps = KeepsBoth },
    ];

    public static IEnumerable<FaultCase> NetworkCases() =>
    [
        new("network create", (d, _) => NoNetworkAsync(d), (_, _) => ["network", "create", "fnet", "--type", "nat", "--subnet", "10.93.0.0/24"]),
        new("network delete", async (d, _) =>
        {
            if (!await HasNetworkAsync(d))
                (await d.CarveAsync("network", "create", "fnet", "--type", "nat", "--subnet", "10.93.0.0/24")).EnsureSuccess();
        }, (_, _) => ["network", "delete", "fnet"]),
    ];

    /// <summary>Killed within its first 20 s: debootstrap resolving, downloading and unpacking into its scratch directory.</summary>
    public static IEnumerable<FaultCase> TemplateCases() =>
    [
        new("template build", (_, _) => Task.CompletedTask, (_, _) => ["template", "build", "debian", "--suite", "bookworm"])
        {
            KillWithin = TimeSpan.FromSeconds(20),
        },
    ];

    private static async Task AbsentAsync(DaemonProcess d, string kind, string name)
    {
        if ((await d.CarveAsync(kind, "show", name)).ExitCode == 0)
            (await d.CarveAsync(kind, "delete", name, "--force")).EnsureSuccess();
    }

    private static async Task StoppedAsync(DaemonProcess d)
    {
        if ((await d.ShowAsync(Vm)).GetProperty("status").GetString() != "stopped")
            (await d.CarveAsync("vm", "stop", Vm)).EnsureSuccess();
    }

    /// <summary>Started, and so usable after the last kill: a start that fails here fails the test.</summary>
    private static async Task RunningAsync(DaemonProcess d)
    {
        if ((await d.ShowAsync(Vm)).GetProperty("status").GetString() != "running")
            (await d.CarveAsync("vm", "start", Vm)).EnsureSuccess();
    }

    /// <summary>The container "fct" exists (a kill during its create may have removed it) and runs or not.</summary>
    private static async Task ContainerAsync(DaemonProcess d, bool running)
    {
        if ((await d.CarveAsync("ct", "show", "fct")).ExitCode != 0)
            (await d.CarveAsync("ct", "create", "fct", "--template", "busybox", "--memory", "64")).EnsureSuccess();
        var status = (await d.ShowCtAsync("fct")).GetProperty("status").GetString();
        if (running && status != "running")
            (await d.CarveAsync("ct", "start", "fct")).EnsureSuccess();
        else if (!running && status == "running")
            (await d.CarveAsync("ct", "stop", "fct")).EnsureSuccess();
    }

    private static async Task<bool> HasNetworkAsync(DaemonProcess d) =>
        Json.Parse(await d.CarveAsync("network", "list", "-o", "json")).EnumerateArray().Any(n => n.GetProperty("name").GetString() == "fnet");

    private static async Task NoNetworkAsync(DaemonProcess d)
    {
        if (await HasNetworkAsync(d))
            (await d.CarveAsync("network", "delete", "fnet")).EnsureSuccess();
    }
}
