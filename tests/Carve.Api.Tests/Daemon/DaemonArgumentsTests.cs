using System.CommandLine.Help;
using Carve.Daemon;

namespace Carve.Api.Tests.Daemon;

/// <summary>carved --data-dir DIR --run-dir DIR --listen HOST:PORT|none --config FILE; flags win over the config file.</summary>
public sealed class DaemonArgumentsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("carve-args-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string? Error(params string[] args) => DaemonArguments.Error(DaemonArguments.Parse(args));

    private static Core.Configuration.CarveOptions Options(params string[] args)
    {
        var parse = DaemonArguments.Parse(args);
        Assert.Null(DaemonArguments.Error(parse));
        return DaemonArguments.ToOptions(parse);
    }

    private string ConfigFile(string json)
    {
        var path = Path.Combine(_dir, "carved.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void No_flags_are_the_embedded_defaults()
    {
        var options = Options();
        Assert.Equal(("/var/lib/carve", "/run/carve", "0.0.0.0:8006"), (options.DataDir, options.RunDir, options.Listen));
    }

    [Fact]
    public void Each_flag_takes_its_value_as_the_next_argument_or_after_an_equals_sign()
    {
        var options = Options("--data-dir", "/srv/carve", "--run-dir=/run/c2", "--listen=127.0.0.1:8443");
        Assert.Equal(("/srv/carve", "/run/c2", "127.0.0.1:8443"), (options.DataDir, options.RunDir, options.Listen));
        Assert.Equal("none", Options("--listen", "none").Listen);
        Assert.Equal("[::]:8006", Options("--listen=[::]:8006").Listen);
    }

    [Fact]
    public void Relative_dirs_become_absolute()
    {
        var options = Options("--data-dir", "data", "--run-dir", "./run");
        Assert.Equal(Path.GetFullPath("data"), options.DataDir);
        Assert.Equal(Path.GetFullPath("run"), options.RunDir);
    }

    [Fact]
    public void Flags_win_over_the_config_file_and_the_file_fills_in_the_rest()
    {
        var config = ConfigFile("""{"dataDir": "/from/file", "listen": "none", "shutdownTimeoutSeconds": 7 /* short */}""");
        var options = Options("--config", config, "--data-dir", "/from/flag");
        Assert.Equal(("/from/flag", "none", 7), (options.DataDir, options.Listen, options.ShutdownTimeoutSeconds));
        Assert.Equal("127.0.0.1:1", Options($"--config={config}", "--listen", "127.0.0.1:1").Listen);
    }

    [Fact]
    public void A_config_file_with_an_unknown_key_is_refused_naming_it()
    {
        var parse = DaemonArguments.Parse(["--config", ConfigFile("""{"dataDirectory": "/x"}""")]);
        var e = Assert.Throws<InvalidDataException>(() => DaemonArguments.ToOptions(parse));
        Assert.Contains("'dataDirectory'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'--bogus'", "--bogus")]
    [InlineData("'--data-dir'", "--data-dir")]
    [InlineData("'extra'", "--data-dir", "/d", "extra")]
    [InlineData("not 'nowhere'", "--listen", "nowhere")]
    [InlineData("not '8006'", "--listen=8006")]
    [InlineData("'/no/such/carved.json'", "--config", "/no/such/carved.json")]
    [InlineData("'@args.txt'", "@args.txt")]
    public void A_bad_argument_is_one_line_naming_it(string named, params string[] args)
    {
        var error = Error(args);
        Assert.NotNull(error);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.EndsWith("Run 'carved --help' for usage.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_an_action_not_an_error(string flag)
    {
        var parse = DaemonArguments.Parse([flag]);
        Assert.Null(DaemonArguments.Error(parse));
        Assert.IsType<HelpAction>(parse.Action);
    }

    [Fact]
    public void Running_the_daemon_is_no_action_of_the_parser() => Assert.Null(DaemonArguments.Parse(["--listen", "none"]).Action);
}
