using Carve.Host.Proc;
using Carve.Host.Processes;
using Carve.Network.Dnsmasq;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carve.Network.Tests.Dnsmasq;

public sealed class DnsmasqSupervisorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("carve-dnsmasq-").FullName;

    private static DnsmasqSupervisor Supervisor() => new(new NoProcesses(), new ProcFs(), NullLogger<DnsmasqSupervisor>.Instance);

    [Fact]
    public async Task Stopping_a_network_whose_directory_is_already_gone_succeeds()
    {
        // carved killed between removing the network's directory and its row: the next start stops it again.
        var paths = new NetworkPaths(Path.Combine(_root, "networks", "gone"));

        await Supervisor().StopAsync(paths, CancellationToken.None);

        Assert.False(Directory.Exists(paths.Dir));
    }

    [Fact]
    public async Task Stopping_removes_a_stale_pid_file()
    {
        var paths = new NetworkPaths(Path.Combine(_root, "networks", "stale"));
        Directory.CreateDirectory(paths.Dir);
        await File.WriteAllTextAsync(paths.DnsmasqPid, "999999999\n");

        await Supervisor().StopAsync(paths, CancellationToken.None);

        Assert.False(File.Exists(paths.DnsmasqPid));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class NoProcesses : IProcessRunner
    {
        public Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"stopping must not start {spec.FileName}");
    }
}
