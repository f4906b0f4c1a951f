using Carve.Lxc.Config;
using Carve.Lxc.Tests.Support;

namespace Carve.Lxc.Tests.Config;

public sealed class LxcConfigGoldenTests
{
    public static TheoryData<string> Cases => new(GoldenCases.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Config_matches_the_golden_file(string caseName) =>
        GoldenFile.AssertMatches(caseName, LxcConfigBuilder.Build(GoldenCases.All[caseName]));
}
