using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>What grants root-equivalent access is readable by root only.</summary>
public sealed class SecretFileModeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private ServerDirs Dirs => fixture.Server.Dirs;

    [Fact]
    public void The_admin_password_file_is_0600_and_holds_a_password()
    {
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Dirs.AdminPasswordFile));
        Assert.True(File.ReadAllText(Dirs.AdminPasswordFile).Trim().Length >= 16, "the initial password should be long");
    }

    [Fact]
    public void The_socket_is_0600()
    {
        Assert.True(Path.Exists(Dirs.Socket), "the socket should exist");
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Dirs.Socket));
    }

    [Fact]
    public void The_tls_key_is_0600() =>
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Combine(Dirs.Data, "tls", "carved.pfx")));
}
