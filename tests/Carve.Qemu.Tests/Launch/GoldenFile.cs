using System.Runtime.CompilerServices;

namespace Carve.Qemu.Tests.Launch;

/// <summary>
/// Compares an argv with Golden/&lt;case&gt;.argv, or Golden/&lt;folder&gt;/&lt;case&gt;.argv (one argument
/// per line, as Proxmox's cfg2cmd tests do). With CARVE_UPDATE_GOLDEN=1 it rewrites the file in the source tree instead;
/// review the diff line by line before committing it.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "CARVE_UPDATE_GOLDEN";

    public static string OutputDirectory => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static void AssertMatches(string caseName, IReadOnlyList<string> argv, string folder = "")
    {
        var actual = string.Concat(argv.Select(a => a + "\n"));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), folder, caseName + ".argv"), actual);
            return;
        }

        var path = Path.Combine(OutputDirectory, folder, caseName + ".argv");
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with {UpdateVariable}=1 to write it, then review it.");
        var expected = File.ReadAllText(path).Split('\n');
        var lines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expected.Length, lines.Length); i++)
        {
            var want = i < expected.Length ? expected[i] : "<end of file>";
            var got = i < lines.Length ? lines[i] : "<end of argv>";
            Assert.True(want == got, $"{caseName}.argv line {i + 1}: expected '{want}', got '{got}' ({UpdateVariable}=1 regenerates)");
        }
    }

    private static string SourceDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!, "Golden");
}
