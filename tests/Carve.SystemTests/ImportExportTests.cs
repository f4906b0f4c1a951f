using System.Security.Cryptography;
using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>
/// carve vm import and export with the real daemon, CLI, qemu-img and QEMU: a VMware-style OVA boots, round
/// trips keep the disk (qemu-img compare) and the settings, and hostile packages leave nothing behind.
/// </summary>
public sealed class ImportExportTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_vmware_style_ova_imports_and_boots()
    {
        await using var d = await DaemonProcess.StartAsync();
        var ova = await BuildVmwareOvaAsync(d.ImagesDir, "appliance", TestGuest.BiosDisk);

        (await d.CarveAsync("vm", "import", ova, "--name", "appliance")).EnsureSuccess();

        var vm = await d.ShowAsync("appliance");
        var config = vm.GetProperty("config");
        Assert.Equal((2, 256, "bios"), (config.GetProperty("cpus").GetInt32(), config.GetProperty("memoryMiB").GetInt32(), config.GetProperty("firmware").GetString()));
        var disk = vm.GetProperty("disks")[0];
        Assert.Equal(("qcow2", new FileInfo(TestGuest.BiosDisk).Length), (disk.GetProperty("format").GetString(), disk.GetProperty("virtualSizeBytes").GetInt64()));
        await AssertSameDiskAsync(d, "appliance", TestGuest.BiosDisk);

        (await d.CarveAsync("vm", "start", "appliance")).EnsureSuccess();
        await d.WaitForConsoleAsync("appliance", Boot, "CARVE-FIRMWARE=bios", "CARVE-BOOT-MODE=bios", "CARVE-READY");
        var running = await d.CarveAsync("vm", "export", "appliance", "-o", Path.Combine(d.Root, "x.ova"));
        Assert.NotEqual(0, running.ExitCode);
        Assert.Contains("is running", running.Stderr, StringComparison.Ordinal);
        (await d.CarveAsync("vm", "stop", "appliance")).EnsureSuccess();
        (await d.CarveAsync("vm", "delete", "appliance")).EnsureSuccess();
    }

    [Theory]
    [InlineData("ova")]
    [InlineData("vhdx")]
    [InlineData("qcow2")]
    public async Task Export_then_import_keeps_the_disk_and_the_settings(string format)
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("vm", "create", "orig", "--cpus", "3", "--memory", "320", "--firmware", "uefi", "--disk", $"import={TestGuest.UefiDisk}")).EnsureSuccess();
        var file = Path.Combine(d.ImagesDir, $"orig.{format}");

        var export = await d.CarveAsync("vm", "export", "orig", "--format", format, "-o", file);

        export.EnsureSuccess();
        Assert.Contains($"Wrote {file}", export.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(d.DataDir, "exports")));
        (await d.CarveAsync("vm", "import", file, "--name", "back")).EnsureSuccess();
        await AssertSameDiskAsync(d, "back", TestGuest.UefiDisk);
        if (format == "ova")
        {
            var config = (await d.ShowAsync("back")).GetProperty("config");
            Assert.Equal((3, 320, "uefi"), (config.GetProperty("cpus").GetInt32(), config.GetProperty("memoryMiB").GetInt32(), config.GetProperty("firmware").GetString()));
        }
    }

    [Theory]
    [InlineData("xxe")]
    [InlineData("traversal")]
    [InlineData("truncated")]
    [InlineData("oversized")]
    public async Task A_malicious_package_is_refused_and_leaves_nothing(string attack)
    {
        await using var d = await DaemonProcess.StartAsync();
        var ova = await BuildVmwareOvaAsync(d.ImagesDir, "evil", TestGuest.DataDisk, attack switch
        {
            "xxe" => ovf => ovf.Replace("<Envelope ", "<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM \"file:///etc/shadow\">]>\n<Envelope ", StringComparison.Ordinal)
                .Replace("<Name>evil</Name>", "<Name>&xxe;</Name>", StringComparison.Ordinal),
            "traversal" => ovf => ovf.Replace("ovf:href=\"evil-disk1.vmdk\"", "ovf:href=\"../../../../etc/shadow\"", StringComparison.Ordinal),
            "oversized" => ovf => ovf.Replace("ovf:capacityAllocationUnits=\"byte * 2^20\"", "ovf:capacityAllocationUnits=\"byte * 2^50\"", StringComparison.Ordinal),
            _ => ovf => ovf,
        });
        if (attack == "truncated")
        {
            await using var file = new FileStream(ova, FileMode.Open);
            file.SetLength(file.Length / 2);
        }

        var result = await d.CarveAsync("vm", "import", ova, "--name", "evil");

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Equal(0, Json.Parse(await d.CarveAsync("vm", "list", "-o", "json")).GetArrayLength());
        var pool = Path.Combine(d.DataDir, "pools", "local");
        Assert.Empty(Directory.Exists(pool) ? Directory.EnumerateFileSystemEntries(pool) : []);
    }

    /// <summary>The VM's first volume holds the same guest-visible bytes as <paramref name="raw"/>.</summary>
    private static async Task AssertSameDiskAsync(DaemonProcess d, string vm, string raw)
    {
        var disk = (await d.ShowAsync(vm)).GetProperty("disks")[0];
        var volume = Path.Combine(d.DataDir, "pools", disk.GetProperty("pool").GetString()!, disk.GetProperty("volume").GetString()!);
        var compare = await Processes.RunAsync("qemu-img", ["compare", "-f", "raw", "-F", "qcow2", raw, volume]);
        Assert.True(compare.ExitCode == 0, $"qemu-img compare: {compare.Stdout} {compare.Stderr}");
    }

    /// <summary>
    /// An OVA as VMware's ovftool writes it: the disk as a streamOptimized VMDK on an LSI Logic SCSI controller,
    /// a VmxNet3 NIC, a CD-ROM on SATA, an SHA256 manifest, and GNU tar in ustar format with the .ovf first.
    /// </summary>
    private static async Task<string> BuildVmwareOvaAsync(string dir, string name, string raw, Func<string, string>? edit = null)
    {
        var work = Directory.CreateTempSubdirectory("carve-sys-ova-").FullName;
        try
        {
            var vmdk = Path.Combine(work, $"{name}-disk1.vmdk");
            (await Processes.RunAsync("qemu-img", ["convert", "-f", "raw", "-O", "vmdk", "-o", "subformat=streamOptimized,adapter_type=lsilogic", raw, vmdk])).EnsureSuccess();
            var ovf = (edit ?? (x => x))(VmwareOvf(name, Path.GetFileName(vmdk), new FileInfo(vmdk).Length, new FileInfo(raw).Length >> 20));
            await File.WriteAllTextAsync(Path.Combine(work, $"{name}.ovf"), ovf);
            await File.WriteAllTextAsync(Path.Combine(work, $"{name}.mf"),
                $"SHA256({name}.ovf)= {await Sha256Async(Path.Combine(work, $"{name}.ovf"))}\nSHA256({Path.GetFileName(vmdk)})= {await Sha256Async(vmdk)}\n");
            var ova = Path.Combine(dir, $"{name}.ova");
            (await Processes.RunAsync("tar", ["--format=ustar", "-cf", ova, "-C", work, $"{name}.ovf", $"{name}.mf", Path.GetFileName(vmdk)])).EnsureSuccess();
            return ova;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<string> Sha256Async(string path)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
    }

    private static string VmwareOvf(string name, string vmdk, long vmdkSize, long capacityMiB) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!--Generated by VMware ovftool 4.4.3 (build-18663434), UTC time: 2024-03-01T10:00:00.000Z-->
        <Envelope vmw:buildId="build-18663434" xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" xmlns:vmw="http://www.vmware.com/schema/ovf" xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <References>
            <File ovf:href="{vmdk}" ovf:id="file1" ovf:size="{vmdkSize}"/>
          </References>
          <DiskSection>
            <Info>Virtual disk information</Info>
            <Disk ovf:capacity="{capacityMiB}" ovf:capacityAllocationUnits="byte * 2^20" ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"/>
          </DiskSection>
          <NetworkSection>
            <Info>The list of logical networks</Info>
            <Network ovf:name="VM Network">
              <Description>The VM Network network</Description>
            </Network>
          </NetworkSection>
          <VirtualSystem ovf:id="{name}">
            <Info>A virtual machine</Info>
            <Name>{name}</Name>
            <OperatingSystemSection ovf:id="101" vmw:osType="otherLinux64Guest">
              <Info>The kind of installed guest operating system</Info>
            </OperatingSystemSection>
            <VirtualHardwareSection>
              <Info>Virtual hardware requirements</Info>
              <System>
                <vssd:ElementName>Virtual Hardware Family</vssd:ElementName>
                <vssd:InstanceID>0</vssd:InstanceID>
                <vssd:VirtualSystemIdentifier>{name}</vssd:VirtualSystemIdentifier>
                <vssd:VirtualSystemType>vmx-14</vssd:VirtualSystemType>
              </System>
              <Item>
                <rasd:AllocationUnits>hertz * 10^6</rasd:AllocationUnits>
                <rasd:Description>Number of Virtual CPUs</rasd:Description>
                <rasd:ElementName>2 virtual CPU(s)</rasd:ElementName>
                <rasd:InstanceID>1</rasd:InstanceID>
                <rasd:ResourceType>3</rasd:ResourceType>
                <rasd:VirtualQuantity>2</rasd:VirtualQuantity>
              </Item>
              <Item>
                <rasd:AllocationUnits>byte * 2^20</rasd:AllocationUnits>
                <rasd:Description>Memory Size</rasd:Description>
                <rasd:ElementName>256MB of memory</rasd:ElementName>
                <rasd:InstanceID>2</rasd:InstanceID>
                <rasd:ResourceType>4</rasd:ResourceType>
                <rasd:VirtualQuantity>256</rasd:VirtualQuantity>
              </Item>
              <Item>
                <rasd:Address>0</rasd:Address>
                <rasd:Description>SCSI Controller</rasd:Description>
                <rasd:ElementName>SCSI controller 0</rasd:ElementName>
                <rasd:InstanceID>3</rasd:InstanceID>
                <rasd:ResourceSubType>lsilogic</rasd:ResourceSubType>
                <rasd:ResourceType>6</rasd:ResourceType>
              </Item>
              <Item>
                <rasd:Address>0</rasd:Address>
                <rasd:Description>SATA Controller</rasd:Description>
                <rasd:ElementName>SATA controller 0</rasd:ElementName>
                <rasd:InstanceID>4</rasd:InstanceID>
                <rasd:ResourceSubType>vmware.sata.ahci</rasd:ResourceSubType>
                <rasd:ResourceType>20</rasd:ResourceType>
              </Item>
              <Item>
                <rasd:AddressOnParent>0</rasd:AddressOnParent>
                <rasd:ElementName>Hard disk 1</rasd:ElementName>
                <rasd:HostResource>ovf:/disk/vmdisk1</rasd:HostResource>
                <rasd:InstanceID>5</rasd:InstanceID>
                <rasd:Parent>3</rasd:Parent>
                <rasd:ResourceType>17</rasd:ResourceType>
                <vmw:Config ovf:required="false" vmw:key="backing.writeThrough" vmw:value="false"/>
              </Item>
              <Item ovf:required="false">
                <rasd:AddressOnParent>0</rasd:AddressOnParent>
                <rasd:AutomaticAllocation>false</rasd:AutomaticAllocation>
                <rasd:ElementName>CD/DVD drive 1</rasd:ElementName>
                <rasd:InstanceID>6</rasd:InstanceID>
                <rasd:Parent>4</rasd:Parent>
                <rasd:ResourceSubType>vmware.cdrom.atapi</rasd:ResourceSubType>
                <rasd:ResourceType>15</rasd:ResourceType>
              </Item>
              <Item>
                <rasd:AddressOnParent>7</rasd:AddressOnParent>
                <rasd:AutomaticAllocation>true</rasd:AutomaticAllocation>
                <rasd:Connection>VM Network</rasd:Connection>
                <rasd:Description>VmxNet3 ethernet adapter on &quot;VM Network&quot;</rasd:Description>
                <rasd:ElementName>Network adapter 1</rasd:ElementName>
                <rasd:InstanceID>7</rasd:InstanceID>
                <rasd:ResourceSubType>VmxNet3</rasd:ResourceSubType>
                <rasd:ResourceType>10</rasd:ResourceType>
              </Item>
              <vmw:Config ovf:required="false" vmw:key="firmware" vmw:value="bios"/>
            </VirtualHardwareSection>
          </VirtualSystem>
        </Envelope>
        """;
}
