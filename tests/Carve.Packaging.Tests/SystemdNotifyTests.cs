using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Carve.Packaging.Tests.Support;
using Carve.SystemTests.Harness;

namespace Carve.Packaging.Tests;

/// <summary>
/// carved.service is Type=notify: systemd waits for READY=1 on $NOTIFY_SOCKET and would kill carved after
/// TimeoutStartSec without it. There is no systemd here, so the test plays its part: a parent process named systemd
/// (what Microsoft.Extensions.Hosting.Systemd looks for) and a notification socket.
/// </summary>
public sealed class SystemdNotifyTests
{
    [Fact]
    public async Task Carved_says_ready_once_it_listens_and_stopping_on_sigterm()
    {
        using var package = await ExtractedPackage.ExtractAsync(DebPackage.FilePath);
        var dir = Directory.CreateTempSubdirectory("carve-notify-").FullName;
        try
        {
            var notify = Path.Combine(dir, "notify.sock");
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(notify));

            // A shell called "systemd" that starts carved as its child, as systemd runs ExecStart.
            var fakeSystemd = Path.Combine(dir, "systemd");
            File.Copy("/bin/sh", fakeSystemd);
            var psi = new ProcessStartInfo(fakeSystemd) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-c", "\"$@\"; exit $?", "sh", package.Daemon, "--data-dir", Path.Combine(dir, "data"),
                "--run-dir", Path.Combine(dir, "run"), "--listen", "none", "--config", package.At("/etc/carve/carved.json") })
                psi.ArgumentList.Add(a);
            psi.Environment["NOTIFY_SOCKET"] = notify;
            using var parent = Process.Start(psi)!;
            var stdout = parent.StandardOutput.ReadToEndAsync();
            var stderr = parent.StandardError.ReadToEndAsync();
            try
            {
                var ready = await ReceiveAsync(socket, TimeSpan.FromSeconds(60));
                Assert.Contains("READY=1", ready, StringComparison.Ordinal);
                Assert.True(File.Exists(Path.Combine(dir, "run", "carved.sock")), "READY=1 came before the API socket existed");

                var carved = Children(parent.Id).Single();
                (await Processes.RunAsync("kill", ["-TERM", $"{carved}"])).EnsureSuccess();
                Assert.Contains("STOPPING=1", await ReceiveAsync(socket, TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
                using (var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
                    await parent.WaitForExitAsync(exit.Token);
                Assert.Equal(0, parent.ExitCode);
                // Under systemd the log lines carry journald priorities.
                Assert.Contains("<6>", await stdout, StringComparison.Ordinal);
            }
            finally
            {
                if (!parent.HasExited)
                    parent.Kill(entireProcessTree: true);
                _ = await stderr;
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> ReceiveAsync(Socket socket, TimeSpan timeout)
    {
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(timeout);
        var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    private static int[] Children(int pid) =>
        File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
}
