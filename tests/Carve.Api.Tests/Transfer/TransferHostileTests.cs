using System.Formats.Tar;
using Carve.Contracts.Tasks;
using Carve.Core.Errors;
using Carve.Tests.Shared;

namespace Carve.Api.Tests.Transfer;

/// <summary>Hostile and broken packages are refused with a clear sentence, and leave no VM and no volume behind.</summary>
public sealed class TransferHostileTests : IAsyncLifetime
{
    private TransferHost _host = null!;
    private string _raw = null!;

    public async Task InitializeAsync()
    {
        _host = await TransferHost.StartAsync();
        _raw = TestDisk.Create(Path.Combine(_host.Images, "source.raw"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private void NothingLeft()
    {
        Assert.Empty(_host.Guests.List());
        Assert.Empty(_host.PoolEntries());
    }

    /// <summary>Refused before the guest exists: a 400 from the API.</summary>
    private async Task<string> Refused(string path)
    {
        var e = await Assert.ThrowsAsync<BadRequestException>(() => _host.ImportAsync(path, "hostile"));
        NothingLeft();
        return e.Message;
    }

    /// <summary>Refused by the task, after it started: the task fails and cleans up.</summary>
    private async Task<string> Failed(string path)
    {
        var task = await _host.ImportAsync(path, "hostile");
        Assert.Equal(TaskStates.Failed, task.Status);
        Assert.True(_host.Guests.List().Count == 0, string.Join("\n", task.Log!.Select(l => l.Text)));
        NothingLeft();
        return task.Error!;
    }

    private Task<string> Ova(VmwareOvaOptions options) => VmwareOva.BuildAsync(_host.Images, "evil", _raw, options);

    [Fact]
    public async Task An_ovf_with_an_external_entity_is_refused_without_reading_it()
    {
        var secret = Path.Combine(_host.Root, "secret.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET");
        var ova = await Ova(new VmwareOvaOptions
        {
            EditOvf = ovf => ovf.Replace("<Envelope ", $"<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM \"file://{secret}\">]>\n<Envelope ", StringComparison.Ordinal)
                .Replace("<Name>evil</Name>", "<Name>&xxe;</Name>", StringComparison.Ordinal),
        });

        var message = await Refused(ova);

        Assert.Contains("DTD", message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ovf_with_nested_entities_is_refused()
    {
        var ova = await Ova(new VmwareOvaOptions
        {
            EditOvf = ovf => ovf.Replace("<Envelope ", "<!DOCTYPE Envelope [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<Envelope ", StringComparison.Ordinal)
                .Replace("<Name>evil</Name>", "<Name>&c;</Name>", StringComparison.Ordinal),
        });

        Assert.Contains("DTD", await Refused(ova), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../evil-disk1.vmdk")]
    [InlineData("/etc/passwd")]
    [InlineData("http://example.invalid/evil-disk1.vmdk")]
    [InlineData("json:{\"driver\":\"file\",\"filename\":\"/etc/passwd\"}")]
    public async Task A_file_reference_outside_the_package_is_refused(string href)
    {
        var ova = await Ova(new VmwareOvaOptions { EditOvf = ovf => ovf.Replace("ovf:href=\"evil-disk1.vmdk\"", $"ovf:href=\"{href.Replace("\"", "&quot;", StringComparison.Ordinal)}\"", StringComparison.Ordinal) });

        Assert.Contains("not a plain relative path", await Refused(ova), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../evil.vmdk")]
    [InlineData("/tmp/evil.vmdk")]
    public async Task A_tar_member_outside_the_package_is_refused(string member)
    {
        var ova = Path.Combine(_host.Images, "members.ova");
        await using (var file = File.Create(ova))
        await using (var tar = new TarWriter(file, TarEntryFormat.Pax))
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "evil.ovf") { DataStream = new MemoryStream("<Envelope/>"u8.ToArray()) });
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, member) { DataStream = new MemoryStream(new byte[512]) });
        }

        Assert.Contains("not a plain relative path", await Refused(ova), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symlink_inside_an_ova_is_refused()
    {
        var ova = Path.Combine(_host.Images, "link.ova");
        await using (var file = File.Create(ova))
        await using (var tar = new TarWriter(file, TarEntryFormat.Ustar))
        {
            await tar.WriteEntryAsync(new UstarTarEntry(TarEntryType.RegularFile, "link.ovf") { DataStream = new MemoryStream("<Envelope/>"u8.ToArray()) });
            await tar.WriteEntryAsync(new UstarTarEntry(TarEntryType.SymbolicLink, "link-disk1.vmdk") { LinkName = "/dev/sda" });
        }

        Assert.Contains("plain files only", await Refused(ova), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_ova_is_refused_before_anything_is_written()
    {
        var ova = await Ova(new VmwareOvaOptions());
        await using (var file = new FileStream(ova, FileMode.Open))
            file.SetLength(file.Length * 2 / 3);

        Assert.Contains("truncated", await Refused(ova), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_disk_inside_a_whole_ova_fails_and_is_removed()
    {
        // The tar, the OVF sizes and the manifest all agree, but the VMDK itself lost its second half.
        var ova = await Ova(new VmwareOvaOptions { EditDisk = disk => disk[..(disk.Length / 2)] });

        Assert.Contains("qemu-img", await Failed(ova), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_file_size_that_is_not_the_real_one_is_refused()
    {
        var ova = await Ova(new VmwareOvaOptions { EditOvf = ovf => System.Text.RegularExpressions.Regex.Replace(ovf, "ovf:size=\"\\d+\"", "ovf:size=\"99999999999\"") });

        Assert.Contains("declares evil-disk1.vmdk as 99999999999 bytes", await Refused(ova), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capacity_beyond_the_limit_is_refused()
    {
        var ova = await Ova(new VmwareOvaOptions
        {
            EditOvf = ovf => ovf.Replace($"ovf:capacity=\"{TestDisk.Size >> 20}\" ovf:capacityAllocationUnits=\"byte * 2^20\"", "ovf:capacity=\"1\" ovf:capacityAllocationUnits=\"byte * 2^60\"", StringComparison.Ordinal),
        });

        Assert.Contains("more than the 64 TiB", await Refused(ova), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disk_larger_than_its_declared_capacity_fails_before_it_is_copied()
    {
        var ova = await Ova(new VmwareOvaOptions { EditOvf = ovf => ovf.Replace($"ovf:capacity=\"{TestDisk.Size >> 20}\"", "ovf:capacity=\"8\"", StringComparison.Ordinal) });

        Assert.Contains("but the OVF declares 8 MiB", await Failed(ova), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disk_that_does_not_match_the_manifest_fails_and_is_removed()
    {
        var ova = await Ova(new VmwareOvaOptions { TamperDisk = true });

        Assert.Contains("does not match the manifest", await Failed(ova), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_disk_is_a_clear_error()
    {
        var ova = await Ova(new VmwareOvaOptions { EditOvf = ovf => ovf.Replace("ovf:href=\"evil-disk1.vmdk\"", "ovf:href=\"evil-disk2.vmdk\"", StringComparison.Ordinal) });
        Assert.Contains("refers to evil-disk2.vmdk, but evil.ova does not hold it", await Refused(ova), StringComparison.Ordinal);

        var dir = Directory.CreateDirectory(Path.Combine(_host.Images, "pkg")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "pkg.ovf"), VmwareOva.Ovf("pkg", "pkg-disk1.vmdk", 1000, TestDisk.Size, new VmwareOvaOptions()));
        Assert.Contains("is missing", await Refused(Path.Combine(dir, "pkg.ovf")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ovf_file_reference_through_a_symlink_out_of_its_directory_is_refused()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_host.Images, "pkg")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "pkg.ovf"), VmwareOva.Ovf("pkg", "pkg-disk1.vmdk", TestDisk.Size, TestDisk.Size, new VmwareOvaOptions()));
        File.CreateSymbolicLink(Path.Combine(dir, "pkg-disk1.vmdk"), _raw);

        Assert.Contains("leads outside", await Refused(Path.Combine(dir, "pkg.ovf")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RW 2048 FLAT \"/etc/passwd\" 0")]
    [InlineData("RW 2048 FLAT \"../source.raw\" 0")]
    [InlineData("RW 2048 FLAT \"json:{\\\"driver\\\":\\\"file\\\",\\\"filename\\\":\\\"/etc/passwd\\\"}\" 0")]
    [InlineData("RW\n2048 FLAT \"/etc/passwd\" 0")]
    [InlineData("RDONLY 2048 SPARSE \"/etc/passwd\"")]
    public async Task A_vmdk_descriptor_naming_files_outside_its_directory_is_refused(string extent)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_host.Images, "desc")).FullName;
        var descriptor = Path.Combine(dir, "disk.vmdk");
        await File.WriteAllTextAsync(descriptor, $"# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\ncreateType=\"monolithicFlat\"\n\n# Extent description\n{extent}\n\n# The Disk Data Base\nddb.adapterType = \"lsilogic\"\n");

        var message = await Refused(descriptor);

        Assert.Matches("not a plain relative path|leads outside", message);
    }

    [Fact]
    public async Task A_sparse_vmdk_that_defers_to_an_embedded_descriptor_is_refused()
    {
        var vmdk = Path.Combine(_host.Images, "zero.vmdk");
        await TransferHost.QemuImgAsync("convert", "-f", "raw", "-O", "vmdk", _raw, vmdk);
        await using (var file = new FileStream(vmdk, FileMode.Open))
        {
            file.Position = 12;
            file.Write(new byte[8]);
        }

        Assert.Contains("embedded descriptor", await Refused(vmdk), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_qcow2_with_a_backing_file_or_an_external_data_file_fails_and_is_removed()
    {
        var backed = Path.Combine(_host.Images, "backed.qcow2");
        await TransferHost.QemuImgAsync("create", "-q", "-f", "qcow2", "-b", "/etc/passwd", "-F", "raw", backed);
        Assert.Contains("backing file", await Failed(backed), StringComparison.Ordinal);

        var external = Path.Combine(_host.Images, "external.qcow2");
        await TransferHost.QemuImgAsync("create", "-q", "-f", "qcow2", "-o", $"data_file={Path.Combine(_host.Root, "data.raw")}", external, "16M");
        Assert.Contains("another file", await Failed(external), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_package_that_expands_beyond_the_pool_is_stopped_and_removed()
    {
        // 256 MiB of 0x01 bytes: a VMDK of about a megabyte that a 64 MiB pool cannot hold.
        var mount = Directory.CreateDirectory(Path.Combine(_host.Root, "small-pool")).FullName;
        var runner = new Carve.Host.Processes.ProcessRunner();
        Assert.True((await runner.RunAsync(new("mount", ["-t", "tmpfs", "-o", "size=64M", "tmpfs", mount]), CancellationToken.None)).Succeeded, "mount tmpfs (root only)");
        try
        {
            await using var small = await TransferHost.StartAsync(mount);
            var bomb = Path.Combine(small.Images, "bomb.raw");
            await using (var file = File.Create(bomb))
            {
                var block = Enumerable.Repeat((byte)1, 1 << 20).ToArray();
                for (var i = 0; i < 256; i++)
                    await file.WriteAsync(block);
            }
            var ova = await VmwareOva.BuildAsync(small.Images, "bomb", bomb);
            Assert.True(new FileInfo(ova).Length < 8 << 20, "the package should be small");

            var task = await small.ImportAsync(ova, "bomb");

            // On tmpfs the pool may fill between two looks of the guard: then qemu-img's ENOSPC stops it.
            Assert.Equal(TaskStates.Failed, task.Status);
            Assert.Matches("room for|No space left", task.Error);
            Assert.Empty(small.Guests.List());
            Assert.Empty(small.PoolEntries());

            // A pool already within its reserve is not written to at all.
            var filler = Path.Combine(mount, "filler");
            await using (var file = File.Create(filler))
                await file.WriteAsync(new byte[62 << 20]);
            var nearlyFull = await small.ImportAsync(await VmwareOva.BuildAsync(small.Images, "tiny", _raw), "tiny");
            Assert.Contains("more data than pool local has room for", nearlyFull.Error, StringComparison.Ordinal);
            Assert.Empty(small.Guests.List());
            Assert.Equal(["filler"], small.PoolEntries());
        }
        finally
        {
            await runner.RunAsync(new("umount", ["-l", mount]), CancellationToken.None);
        }
    }
}
