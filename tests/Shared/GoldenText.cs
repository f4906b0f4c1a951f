namespace Carve.Tests.Shared;

/// <summary>
/// Compares text with a checked-in golden file line by line (copied next to the test assembly under Golden/). With
/// CARVE_UPDATE_GOLDEN=1 it rewrites the file in the source tree instead; review the diff before committing it.
/// Compiled into each test project that has goldens.
/// </summary>
internal static class GoldenText
{
    public const string UpdateVariable = "CARVE_UPDATE_GOLDEN";

    public static void AssertMatches(string sourceGoldenDir, string file, string actual)
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(sourceGoldenDir, file), actual);
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
}
