using System.Runtime.CompilerServices;
using Carve.Tests.Shared;

namespace Carve.Network.Tests.Support;

/// <summary>Golden/&lt;file&gt; of this project: nft rulesets and dnsmasq configs.</summary>
internal static class GoldenFile
{
    public static void AssertMatches(string file, string actual) => GoldenText.AssertMatches(SourceDirectory(), file, actual);

    private static string SourceDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!, "Golden");
}
