using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>Paths a create request names are confined to the allowed image roots; anything else is refused before a thing is made.</summary>
[Collection(BadInputCollection.Name)]
public sealed class BadVmPathTests(ServerFixture fixture) : BadInputTestBase(fixture)
{
    [Fact]
    public async Task A_kernel_outside_the_allowed_roots_is_a_400() =>
        Assert.Contains("outside the allowed image directories", await PostRefused("""{"name":"web","kernel":"/etc/passwd"}"""));

    [Fact]
    public async Task A_path_that_climbs_out_of_the_root_is_a_400() =>
        Assert.Contains("outside", await PostRefused("""{"name":"web","cdrom":"{images}/../../../etc/passwd"}"""));

    [Fact]
    public async Task A_symlink_in_the_root_pointing_outside_is_a_400()
    {
        var link = Path.Combine(Server.Dirs.Images, "passwd-link");
        if (!File.Exists(link))
            File.CreateSymbolicLink(link, "/etc/passwd");
        Assert.Contains("outside", await PostRefused("""{"name":"web","kernel":"{images}/passwd-link"}"""));
    }

    [Fact]
    public async Task A_missing_file_whose_name_has_a_comma_is_a_400_saying_it_does_not_exist() =>
        Assert.Contains("does not exist", await PostRefused("""{"name":"web","kernel":"{images}/missing,b"}"""));

    [Fact]
    public async Task A_path_with_a_newline_is_a_400() =>
        Assert.Contains("control characters", await PostRefused("""{"name":"web","kernel":"{images}/x\ny"}"""));

    [Fact]
    public async Task A_relative_path_is_a_400() =>
        Assert.Contains("absolute", await PostRefused("""{"name":"web","cdrom":"images/x.iso"}"""));

    [Fact]
    public async Task A_nonexistent_image_to_import_is_a_400() =>
        Assert.Contains("does not exist", await PostRefused("""{"name":"web","disks":[{"import":"{images}/nothere.qcow2"}]}"""));

    [Fact]
    public async Task A_cdrom_that_is_a_directory_is_a_400()
    {
        Directory.CreateDirectory(Path.Combine(Server.Dirs.Images, "isos"));
        Assert.Contains("not a regular file", await PostRefused("""{"name":"web","cdrom":"{images}/isos"}"""));
    }

    [Fact]
    public async Task A_disk_with_both_size_and_import_is_a_400()
    {
        await QemuImg.Create(Path.Combine(Server.Dirs.Images, "both.qcow2"), "1M");
        Assert.Contains("exactly one", await PostRefused("""{"name":"web","disks":[{"size":"1G","import":"{images}/both.qcow2"}]}"""));
    }

    [Fact]
    public async Task An_initrd_without_a_kernel_is_a_400()
    {
        File.WriteAllText(Path.Combine(Server.Dirs.Images, "initrd.img"), "x");
        Assert.Contains("needs a kernel", await PostRefused("""{"name":"web","initrd":"{images}/initrd.img"}"""));
    }

    [Fact]
    public async Task An_import_with_a_backing_file_fails_its_task_and_leaves_nothing_behind()
    {
        // Valid at the edge, refused once qemu-img has looked inside: the task's undo must clean up.
        var images = Server.Dirs.Images;
        await QemuImg.Create(Path.Combine(images, "base.qcow2"), "4M");
        await QemuImg.Create(Path.Combine(images, "overlay.qcow2"), "4M", backing: Path.Combine(images, "base.qcow2"));

        var taskId = await Rest.CreateVm(Server.Socket, new { name = "overlaid", disks = new object[] { new { size = "1G" }, new { import = Path.Combine(images, "overlay.qcow2") } } });
        var task = await Rest.WaitTask(Server.Socket, taskId);

        Assert.Equal("failed", (string?)task["status"]);
        Assert.Contains("backing file", (string?)task["error"]);
        await ExpectNothingLeft();
    }
}
