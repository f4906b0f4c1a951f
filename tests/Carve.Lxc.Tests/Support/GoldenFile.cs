using System.Runtime.CompilerServices;
using Carve.Tests.Shared;

namespace Carve.Lxc.Tests.Support;

/// <summary>Golden/&lt;case&gt;.conf of this project: LXC configs. CARVE_UPDATE_GOLDEN=1 rewrites them.</summary>
internal static class GoldenFile
{
    public static void AssertMatches(string caseName, string actual) =>
        GoldenText.AssertMatches(SourceDirectory(), caseName + ".conf", actual);

    private static string SourceDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!, "Golden");
}
