using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>The Debian template is built with debootstrap once (cached in the test cache) and runs apt.</summary>
public sealed class DebianTemplateTests
{
    [Fact]
    public async Task DebianTemplateBuildsAndRunsApt()
    {
        await using var d = await DaemonProcess.StartAsync();
        var templates = Json.Parse(await d.CarveAsync("template", "list", "-o", "json"));
        var debian = templates.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "debian");
        if (!debian.GetProperty("ready").GetBoolean())
            (await d.CarveAsync("template", "build", "debian", "--suite", "bookworm")).EnsureSuccess();

        (await d.CarveAsync("ct", "create", "deb", "--template", "debian", "--memory", "256", "--start")).EnsureSuccess();
        var apt = await d.CarveAsync("ct", "exec", "deb", "--", "apt", "--version");
        Assert.Equal(0, apt.ExitCode);
        Assert.StartsWith("apt ", apt.Stdout, StringComparison.Ordinal);
        (await d.CarveAsync("ct", "delete", "deb", "--force")).EnsureSuccess();
    }
}
