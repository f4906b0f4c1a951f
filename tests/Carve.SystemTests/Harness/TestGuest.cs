namespace Carve.SystemTests.Harness;

/// <summary>The cached test guest built by tests/fixtures/build-test-guest.sh (test.sh runs it first).</summary>
public static class TestGuest
{
    public static string CacheDir { get; } = Environment.GetEnvironmentVariable("CARVE_TEST_CACHE") ?? "/var/cache/carve-test";

    public static string Kernel => Require("vmlinuz");
    public static string Initrd => Require("initrd.img");
    public static string BiosDisk => Require("bios-disk.raw");
    public static string UefiDisk => Require("uefi-disk.raw");
    public static string DataDisk => Require("data-disk.raw");

    private static string Require(string name)
    {
        var path = Path.Combine(CacheDir, name);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: run tests/fixtures/build-test-guest.sh (test.sh does).");
    }
}
