using System.Runtime.CompilerServices;

namespace Carve.Network.Tests.Support;

/// <summary>
/// Compares text with Golden/&lt;file&gt; line by line. With CARVE_UPDATE_GOLDEN=1 it rewrites the file in the source
/// tree instead; review the diff before committing it.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "CARVE_UPDATE_GOLDEN";

    public static void AssertMatches(string file, string actual)
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), file), actual);
            return;
        }
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", file);
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with {UpdateVariable}=1 to write it, then review it.");
        var expected = File.ReadAllText(path).Split('\n');
        var lines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expected.Length, lines.Length); i++)
        {
            var want = i < expected.Length ? expected[i] : "<end of file>";
            var got = i < lines.Length ? lines[i] : "<end of output>";
            Assert.True(want == got, $"{file} line {i + 1}: expected '{want}', got '{got}' ({UpdateVariable}=1 regenerates)");
        }
    }

    private static string SourceDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!, "Golden");
}
