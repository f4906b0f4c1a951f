using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>
/// A comma in a path is legal on Linux. Carve must escape it for QEMU rather than refuse it,
/// so a real file named with a comma inside the allowed root makes a VM.
/// </summary>
public sealed class CommaPathTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CarveServer Server => fixture.Server;

    [Fact]
    public async Task A_kernel_and_cdrom_whose_names_have_commas_are_accepted_and_kept_as_given()
    {
        var kernel = Path.Combine(Server.Dirs.Images, "a,b");
        var cdrom = Path.Combine(Server.Dirs.Images, "disc,1.iso");
        File.WriteAllText(kernel, "not really a kernel");
        File.WriteAllText(cdrom, "not really an iso");

        var taskId = await Rest.CreateVm(Server.Socket, new { name = "comma-kernel", kernel, cdrom, cmdline = "console=ttyS0,115200" });
        await Rest.ExpectSucceeded(Server.Socket, taskId);

        using var response = await Server.Socket.GetAsync("/api/v1/vms/comma-kernel");
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        var config = (await Rest.ReadJson(response))["config"]!;
        Assert.Equal(kernel, (string?)config["kernel"]);
        Assert.Equal(cdrom, (string?)config["cdrom"]);
        Assert.Equal("console=ttyS0,115200", (string?)config["cmdline"]);
    }

    [Fact]
    public async Task An_image_whose_name_has_a_comma_is_imported()
    {
        var image = Path.Combine(Server.Dirs.Images, "img,format=raw.qcow2");
        await QemuImg.Create(image, "2M");

        var taskId = await Rest.CreateVm(Server.Socket, new { name = "comma-import", disks = new[] { new { import = image } } });
        await Rest.ExpectSucceeded(Server.Socket, taskId);

        using var response = await Server.Socket.GetAsync("/api/v1/vms/comma-import");
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        var vm = await Rest.ReadJson(response);
        var disk = vm["disks"]![0]!;
        Assert.Equal(2L << 20, (long)disk["virtualSizeBytes"]!);
        Assert.True(File.Exists(Path.Combine(Server.Dirs.Pool, (string)disk["volume"]!)));
        // The source is copied, never moved or changed.
        Assert.True(File.Exists(image));
    }
}
