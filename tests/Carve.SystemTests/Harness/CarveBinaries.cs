namespace Carve.SystemTests.Harness;

/// <summary>The built programs under test: out/carved and out/carve (./build.sh makes them).</summary>
public static class CarveBinaries
{
    public static string OutDir { get; } = Environment.GetEnvironmentVariable("CARVE_OUT") ?? FindOut();

    public static string Daemon => Path.Combine(OutDir, "carved");
    public static string Cli => Path.Combine(OutDir, "carve");

    private static string FindOut()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "build.sh")))
                return Path.Combine(dir.FullName, "out");
        throw new InvalidOperationException("Cannot find the repository's out/ directory; set CARVE_OUT.");
    }
}
