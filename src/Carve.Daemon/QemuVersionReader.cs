using Carve.Host.Processes;

namespace Carve.Daemon;

internal static class QemuVersionReader
{
    /// <summary>"7.2.22 (Debian ...)" from the first line of --version, or null if QEMU is missing.</summary>
    public static async Task<string?> ReadAsync(IProcessRunner runner, string binary)
    {
        var result = await runner.RunAsync(new ProcessSpec(binary, ["--version"]) { Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);
        if (!result.Succeeded)
            return null;
        var line = result.Stdout.Split('\n')[0];
        const string prefix = "QEMU emulator version ";
        return line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..].Trim() : line.Trim();
    }
}
