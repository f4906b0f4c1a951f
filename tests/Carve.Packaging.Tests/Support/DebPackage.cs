using Carve.SystemTests.Harness;

namespace Carve.Packaging.Tests.Support;

/// <summary>The package ./build.sh --deb left in out/ (test.sh builds it so), and the repository it came from.</summary>
public static class DebPackage
{
    public static string RepoRoot { get; } = Path.GetDirectoryName(Path.GetFullPath(CarveBinaries.OutDir).TrimEnd('/'))!;

    public static string UpstreamVersion => File.ReadAllText(Path.Combine(RepoRoot, "VERSION")).Trim();

    /// <summary>VERSION plus the Debian revision build-deb.sh gives by default.</summary>
    public static string Version => UpstreamVersion + "-1";

    public static string FilePath
    {
        get
        {
            var path = Path.Combine(CarveBinaries.OutDir, $"carve_{Version}_amd64.deb");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} is missing: run ./build.sh --deb (test.sh does).");
        }
    }

    public static Task<CommandResult> RunAsync(string file, params string[] args) => Processes.RunAsync(file, args, timeout: TimeSpan.FromMinutes(10));

    /// <summary>One control field of a package, as dpkg-deb -f prints it.</summary>
    public static async Task<string> FieldAsync(string deb, string field) =>
        (await RunAsync("dpkg-deb", "-f", deb, field)).EnsureSuccess().Stdout.Trim();

    /// <summary>
    /// Another package from the same out/, with Debian revision <paramref name="revision"/> and no compression (fast):
    /// what an upgrade installs over the first.
    /// </summary>
    public static async Task<string> BuildRevisionAsync(int revision, string dest)
    {
        (await RunAsync(Path.Combine(RepoRoot, "packaging", "build-deb.sh"),
            "--revision", $"{revision}", "--compression", "none", "--dest", dest)).EnsureSuccess();
        return Path.Combine(dest, $"carve_{UpstreamVersion}-{revision}_amd64.deb");
    }
}
