using System.Diagnostics;
using System.Net.Sockets;
using Carve.Packaging.Tests.Support;
using Carve.SystemTests.Harness;

namespace Carve.Packaging.Tests;

/// <summary>
/// The packaged completion scripts really complete: bash's function is called with COMP_WORDS as bash would, with
/// the packaged carve on PATH; zsh's script runs with compadd stubbed; fish's through complete -C.
/// </summary>
public sealed class CompletionTests : IAsyncLifetime
{
    private ExtractedPackage _package = null!;

    public async Task InitializeAsync() => _package = await ExtractedPackage.ExtractAsync(DebPackage.FilePath);

    public Task DisposeAsync()
    {
        _package.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Bash_completes_subcommands_and_option_values_without_a_daemon()
    {
        Assert.Equal(["start", "stop"], await BashAsync("carve", "vm", "st"));
        Assert.Equal(["vm"], await BashAsync("carve", "v"));
        Assert.Contains("snapshot", await BashAsync("carve", ""));
        Assert.Equal(["json", "table"], await BashAsync("carve", "list", "-o", ""));
        Assert.Equal(["uefi"], await BashAsync("carve", "vm", "create", "web", "--firmware", "u"));
        Assert.Equal(["--socket"], await BashAsync("carve", "vm", "start", "--so"));
        // Options only once a word starts with '-'.
        Assert.DoesNotContain("--async", await BashAsync("carve", "vm", ""));
    }

    [Fact]
    public async Task Bash_completes_guest_names_of_the_right_kind_from_a_running_daemon()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CreateDirectBootVmAsync("web1")).EnsureSuccess();
        (await d.CreateDirectBootVmAsync("web2")).EnsureSuccess();
        (await d.CarveAsync("ct", "create", "box1", "--template", "busybox")).EnsureSuccess();

        Assert.Equal(["web1", "web2"], await BashAsync("carve", "--socket", d.Socket, "vm", "start", ""));
        Assert.Equal(["web2"], await BashAsync("carve", "vm", "show", "--socket", d.Socket, "web2"));
        Assert.Equal(["box1"], await BashAsync("carve", "--socket", d.Socket, "ct", "start", ""));
        Assert.Equal(["box1", "web1", "web2"], await BashAsync("carve", "--socket", d.Socket, "snapshot", "list", ""));
        // The socket can come from the environment too, as for any command.
        Assert.Equal(["box1"], await BashAsync(new Dictionary<string, string> { ["CARVE_SOCKET"] = d.Socket }, "carve", "ct", "exec", "b"));

        (await d.CarveAsync("ct", "delete", "box1")).EnsureSuccess();
    }

    [Fact]
    public async Task Guest_names_fail_silently_and_fast_without_a_daemon()
    {
        var missing = Path.Combine(_package.Root, "no-such.sock");
        var clock = Stopwatch.StartNew();
        var (names, stderr) = await BashWithErrorsAsync([], "carve", "--socket", missing, "vm", "start", "");
        Assert.Empty(names);
        Assert.Equal("", stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");

        // A socket that takes the connection but never answers: given up on after a second and a half.
        var hung = Path.Combine(_package.Root, "hung.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(hung));
        listener.Listen(8);
        clock.Restart();
        (names, stderr) = await BashWithErrorsAsync([], "carve", "--socket", hung, "vm", "start", "");
        Assert.Empty(names);
        Assert.Equal("", stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Zsh_script_offers_what_carve_suggests()
    {
        var script = _package.At("/usr/share/zsh/vendor-completions/_carve");
        (await Processes.RunAsync("zsh", ["-n", script])).EnsureSuccess();
        // compadd and _files are zsh's completion builtins; stubbed, they show what the script hands them.
        var program = $$"""
            compadd() { [[ $1 == -a ]] && print -r -- "${(P)2}"; }
            _files() { print -r -- FILES; }
            words=(carve vm st); CURRENT=3; PREFIX=st
            source {{script}}
            words=(carve vm import ''); CURRENT=4; PREFIX=
            source {{script}}
            """;
        var result = (await Processes.RunAsync("env", [$"PATH={PathWithPackage()}", "zsh", "-f", "-c", program])).EnsureSuccess();
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("start", lines[0].Split(' '));
        Assert.Contains("stop", lines[0].Split(' '));
        Assert.Equal("FILES", lines[1]);
    }

    [Fact]
    public async Task Fish_completes_through_the_packaged_script()
    {
        var script = _package.At("/usr/share/fish/vendor_completions.d/carve.fish");
        var result = (await Processes.RunAsync("env",
            [$"PATH={PathWithPackage()}", "fish", "--no-config", "-c", $"source {script}; complete -C'carve vm st'; echo SPLIT; complete -C'carve list -o '"])).EnsureSuccess();
        var parts = result.Stdout.Split("SPLIT\n");
        Assert.Equal(["start", "stop"], Lines(parts[0]));
        Assert.Equal(["json", "table"], Lines(parts[1]));
    }

    private Task<string[]> BashAsync(params string[] words) => BashAsync(new Dictionary<string, string>(), words);

    private async Task<string[]> BashAsync(Dictionary<string, string> environment, params string[] words) =>
        (await BashWithErrorsAsync(environment, words)).Names;

    /// <summary>Sources the packaged script into a bash and calls its function as bash would for words (the last being completed).</summary>
    private async Task<(string[] Names, string Stderr)> BashWithErrorsAsync(Dictionary<string, string> environment, params string[] words)
    {
        var script = _package.At("/usr/share/bash-completion/completions/carve");
        var quoted = string.Join(' ', words.Select(w => "'" + w.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var program = $$"""
            source {{script}}
            COMP_WORDS=({{quoted}})
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            COMPREPLY=()
            _carve
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var env = new List<string> { $"PATH={PathWithPackage()}" };
        env.AddRange(environment.Select(kv => $"{kv.Key}={kv.Value}"));
        var result = (await Processes.RunAsync("env", [.. env, "bash", "--norc", "--noprofile", "-c", program])).EnsureSuccess();
        return (Lines(result.Stdout).Order(StringComparer.Ordinal).ToArray(), result.Stderr);
    }

    private string PathWithPackage() => $"{Path.GetDirectoryName(_package.Cli)}:{Environment.GetEnvironmentVariable("PATH")}";

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
}
