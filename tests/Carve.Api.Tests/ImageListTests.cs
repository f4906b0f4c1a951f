using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>GET /api/v1/images lists what the create wizard can offer from the allowed image directories.</summary>
public sealed class ImageListTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CarveServer Server => fixture.Server;

    [Fact]
    public async Task Isos_kernels_initrds_and_disks_are_listed_and_other_files_are_not()
    {
        var images = Server.Dirs.Images;
        foreach (var name in new[] { "debian.iso", "vmlinuz-6.1", "initrd.img-6.1", "disk.qcow2", "notes.txt" })
            await File.WriteAllTextAsync(Path.Combine(images, name), "x");
        Directory.CreateDirectory(Path.Combine(images, "sub.iso"));

        var listed = (await Rest.GetArray(Server.Socket, "/api/v1/images"))
            .Select(i => ((string)i!["name"]!, (string)i["kind"]!, (string)i["path"]!))
            .Where(i => i.Item3.StartsWith(images, StringComparison.Ordinal))
            .Select(i => (i.Item1, i.Item2)).ToList();
        Assert.Equal([("disk.qcow2", "disk"), ("initrd.img-6.1", "initrd"), ("debian.iso", "iso"), ("vmlinuz-6.1", "kernel")], listed);
    }

    [Fact]
    public async Task The_listing_needs_authentication_over_tcp()
    {
        using var response = await Server.Https().GetAsync("/api/v1/images");
        await Rest.ExpectProblem(response, HttpStatusCode.Unauthorized);
    }
}
