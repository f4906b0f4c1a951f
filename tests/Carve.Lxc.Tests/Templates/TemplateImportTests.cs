using Carve.Core.Errors;
using Carve.Host.Processes;
using Carve.Lxc.Templates;
using Carve.Lxc.Tests.Rootfs;
using Carve.Lxc.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carve.Lxc.Tests.Templates;

public sealed class TemplateImportTests
{
    [Fact]
    public async Task An_imported_tarball_becomes_a_listed_template()
    {
        using var dir = new TempDirectory("carve-imp");
        var store = new TemplateStore(dir.Sub("templates"), new ProcessRunner(), NullLogger<TemplateStore>.Instance);
        var tarball = dir.Sub("alpine.tar");
        new TarBuilder().Dir("./").Dir("etc/").File("etc/os-release", "ID=alpine\n").WriteTo(tarball);

        var view = await store.ImportTarballAsync("alpine", tarball, new RecordingTaskContext(), CancellationToken.None);

        Assert.True(view.Ready);
        Assert.Equal("ID=alpine\n", File.ReadAllText(Path.Combine(store.RootfsOf("alpine"), "etc/os-release")));
        Assert.Contains(store.List(), t => t is { Name: "alpine", Source: "tarball", Ready: true });
        Assert.Empty(Directory.EnumerateDirectories(store.TemplatesDir, ".*"));
    }

    [Theory]
    [InlineData("busybox")]
    [InlineData("debian-trixie")]
    [InlineData("../escape")]
    [InlineData("Upper")]
    public async Task Reserved_and_invalid_names_are_refused(string name)
    {
        using var dir = new TempDirectory("carve-imp");
        var store = new TemplateStore(dir.Sub("templates"), new ProcessRunner(), NullLogger<TemplateStore>.Instance);
        await Assert.ThrowsAsync<BadRequestException>(() => store.ImportTarballAsync(name, "/nonexistent.tar", new RecordingTaskContext(), CancellationToken.None));
    }

    [Fact]
    public async Task A_bad_suite_name_is_refused_before_debootstrap_runs()
    {
        using var dir = new TempDirectory("carve-imp");
        var store = new TemplateStore(dir.Sub("templates"), new ProcessRunner(), NullLogger<TemplateStore>.Instance);
        await Assert.ThrowsAsync<BadRequestException>(() => store.BuildDebianAsync("bookworm; rm -rf /", new RecordingTaskContext(), CancellationToken.None));
        Assert.Equal("debian", TemplateStore.DebianTemplateName("bookworm"));
        Assert.Equal("debian-trixie", TemplateStore.DebianTemplateName("trixie"));
    }
}
