using Carve.Qemu.Launch;

namespace Carve.Qemu.Tests.Launch;

/// <summary>
/// The whole step from a VM's stored config to QEMU's argv, as Proxmox's cfg2cmd tests do it: Golden/Config/&lt;case&gt;.json
/// through GuestConfig.FromJson, VmLaunchPlan.From and QemuArgvBuilder.Build, against Golden/Config/&lt;case&gt;.argv.
/// </summary>
public sealed class StoredConfigGoldenTests
{
    public static TheoryData<string> Cases => new(StoredConfigCase.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stored_config_gives_the_golden_argv(string caseName)
    {
        var (guest, inputs) = StoredConfigCase.Load(caseName);

        GoldenFile.AssertMatches(caseName, QemuArgvBuilder.Build(VmLaunchPlan.From(guest, inputs)), StoredConfigCase.Folder);
    }

    [Fact]
    public void Every_golden_argv_has_its_stored_config()
    {
        var argvs = Directory.GetFiles(StoredConfigCase.Directory, "*.argv").Select(Path.GetFileNameWithoutExtension);

        Assert.Empty(argvs.Except(StoredConfigCase.Names));
    }
}
