namespace Carve.SystemTests.Harness;

/// <summary>
/// A network namespace of the test's own (ip netns add): carved runs inside it, so every bridge, tap, veth,
/// dnsmasq socket and nft table the test causes lives there, and deleting it removes them all.
/// </summary>
public sealed class NetworkNamespace : IAsyncDisposable
{
    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    public static async Task<NetworkNamespace> CreateAsync()
    {
        var ns = new NetworkNamespace($"carve-t{Guid.NewGuid():N}"[..14]);
        (await Processes.RunAsync("ip", ["netns", "add", ns.Name])).EnsureSuccess();
        (await ns.ExecAsync("ip", "link", "set", "lo", "up")).EnsureSuccess();
        return ns;
    }

    /// <summary>Runs a program inside the namespace.</summary>
    public Task<CommandResult> ExecAsync(params string[] argv) => Processes.RunAsync("ip", ["netns", "exec", Name, .. argv]);

    /// <summary>Sends a line to HOST:PORT from the namespace's host side and returns what came back (busybox nc).</summary>
    public Task<CommandResult> TcpAsync(string host, int port, string text) =>
        Processes.RunAsync("ip", ["netns", "exec", Name, "busybox", "nc", "-w", "5", host, port.ToString(System.Globalization.CultureInfo.InvariantCulture)], text);

    public async ValueTask DisposeAsync() => await Processes.RunAsync("ip", ["netns", "del", Name]);
}
