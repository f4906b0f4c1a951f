using Carve.Qemu.Launch;

namespace Carve.Qemu.Tests.Launch;

public sealed class QemuArgvGoldenTests
{
    public static TheoryData<string> Cases => new(GoldenCases.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Argv_matches_the_golden_file(string caseName) =>
        GoldenFile.AssertMatches(caseName, QemuArgvBuilder.Build(GoldenCases.All[caseName]));

    [Fact]
    public void Every_golden_file_has_a_case()
    {
        var files = Directory.GetFiles(GoldenFile.OutputDirectory, "*.argv").Select(Path.GetFileNameWithoutExtension);

        Assert.Empty(files.Except(GoldenCases.All.Keys));
    }
}
