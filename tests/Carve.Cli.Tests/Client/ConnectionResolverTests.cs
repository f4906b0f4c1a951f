using Carve.Client.Connection;
using Carve.Client.Errors;

namespace Carve.Cli.Tests.Client;

public sealed class ConnectionResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Nothing_given_means_the_default_socket()
    {
        var connection = CarveConnectionResolver.Resolve(new ConnectionFlags(), Env());
        Assert.Equal("/run/carve/carved.sock", connection.SocketPath);
        Assert.Equal(new Uri("http://localhost/"), connection.BaseAddress);
    }

    [Fact]
    public void Socket_from_the_environment()
    {
        var connection = CarveConnectionResolver.Resolve(new ConnectionFlags(), Env(("CARVE_SOCKET", "/tmp/a.sock")));
        Assert.Equal("/tmp/a.sock", connection.SocketPath);
    }

    [Fact]
    public void Url_and_token_from_the_environment()
    {
        var connection = CarveConnectionResolver.Resolve(new ConnectionFlags(), Env(("CARVE_URL", "https://host:8006"), ("CARVE_TOKEN", "s3cret")));
        Assert.Null(connection.SocketPath);
        Assert.Equal(new Uri("https://host:8006/"), connection.BaseAddress);
        Assert.Equal("s3cret", connection.Token);
        Assert.False(connection.Insecure);
    }

    [Fact]
    public void Environment_socket_beats_environment_url()
    {
        var connection = CarveConnectionResolver.Resolve(new ConnectionFlags(), Env(("CARVE_SOCKET", "/tmp/a.sock"), ("CARVE_URL", "https://host:8006")));
        Assert.Equal("/tmp/a.sock", connection.SocketPath);
    }

    [Fact]
    public void Url_flag_beats_environment_socket()
    {
        var connection = CarveConnectionResolver.Resolve(new ConnectionFlags { Url = "https://flag:8006", Token = "t" }, Env(("CARVE_SOCKET", "/tmp/a.sock")));
        Assert.Null(connection.SocketPath);
        Assert.Equal("flag", connection.Url!.Host);
    }

    [Fact]
    public void Socket_flag_beats_environment_url()
    {
        var connection = CarveConnectionResolver.Resolve(new ConnectionFlags { Socket = "/tmp/flag.sock" }, Env(("CARVE_URL", "https://host:8006")));
        Assert.Equal("/tmp/flag.sock", connection.SocketPath);
    }

    [Fact]
    public void Socket_flag_beats_environment_socket()
    {
        var connection = CarveConnectionResolver.Resolve(new ConnectionFlags { Socket = "/tmp/flag.sock" }, Env(("CARVE_SOCKET", "/tmp/env.sock")));
        Assert.Equal("/tmp/flag.sock", connection.SocketPath);
    }

    [Fact]
    public void Token_flag_beats_environment_token()
    {
        var connection = CarveConnectionResolver.Resolve(new ConnectionFlags { Token = "flag" }, Env(("CARVE_URL", "https://host:8006"), ("CARVE_TOKEN", "env")));
        Assert.Equal("flag", connection.Token);
    }

    [Fact]
    public void Socket_connections_carry_no_token()
    {
        var connection = CarveConnectionResolver.Resolve(new ConnectionFlags { Token = "t" }, Env(("CARVE_TOKEN", "env")));
        Assert.Equal("/run/carve/carved.sock", connection.SocketPath);
        Assert.Null(connection.Token);
    }

    [Fact]
    public void Blank_values_count_as_not_given()
    {
        var connection = CarveConnectionResolver.Resolve(new ConnectionFlags { Socket = " " }, Env(("CARVE_SOCKET", ""), ("CARVE_URL", "https://h")));
        Assert.Equal("h", connection.Url!.Host);
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(false, "1", true)]
    [InlineData(false, "true", true)]
    [InlineData(false, "0", false)]
    [InlineData(false, null, false)]
    public void Insecure_from_flag_or_environment(bool flag, string? variable, bool expected)
    {
        var env = variable is null ? Env(("CARVE_URL", "https://h")) : Env(("CARVE_URL", "https://h"), ("CARVE_INSECURE", variable));
        Assert.Equal(expected, CarveConnectionResolver.Resolve(new ConnectionFlags { Insecure = flag }, env).Insecure);
    }

    [Fact]
    public void Both_flags_is_a_configuration_error()
    {
        var error = Assert.Throws<CarveConfigurationException>(() =>
            CarveConnectionResolver.Resolve(new ConnectionFlags { Socket = "/a", Url = "https://h" }, Env()));
        Assert.Equal("Give either --socket or --url, not both.", error.Message);
    }

    [Theory]
    [InlineData("host:8006")]
    [InlineData("ftp://host")]
    [InlineData("not a url")]
    public void A_url_that_is_not_http_is_a_configuration_error(string url)
    {
        Assert.Throws<CarveConfigurationException>(() => CarveConnectionResolver.Resolve(new ConnectionFlags { Url = url }, Env()));
    }

    [Fact]
    public void A_url_with_a_path_prefix_keeps_it()
    {
        var connection = CarveConnectionResolver.Resolve(new ConnectionFlags { Url = "https://proxy/carve" }, Env());
        Assert.Equal(new Uri("https://proxy/carve/api/v1/host"), new Uri(connection.BaseAddress, "api/v1/host"));
    }
}
