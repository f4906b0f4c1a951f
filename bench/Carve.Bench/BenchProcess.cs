using System.Diagnostics;

namespace Carve.Bench;

/// <summary>Runs a program the way the benchmarks time it: argv as given, output read while it runs, failure thrown.</summary>
internal static class BenchProcess
{
    /// <returns>What the program wrote to stdout.</returns>
    public static async Task<string> RunAsync(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        // Both pipes are drained while it runs, so a chatty program never blocks on a full pipe.
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {await stderr}");
        return await stdout;
    }
}
