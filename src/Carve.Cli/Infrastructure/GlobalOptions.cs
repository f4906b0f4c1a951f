using System.CommandLine;
using Carve.Client.Connection;

namespace Carve.Cli.Infrastructure;

/// <summary>The options every command takes; recursive, so they may appear anywhere on the line.</summary>
internal sealed class GlobalOptions
{
    public Option<string> Socket { get; } = new("--socket")
    {
        Description = $"carved's unix socket (or {CarveConnectionResolver.SocketVariable}; default {CarveConnection.DefaultSocketPath})",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<string> Url { get; } = new("--url")
    {
        Description = $"carved's URL, e.g. https://host:8006 (or {CarveConnectionResolver.UrlVariable})",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<string> Token { get; } = new("--token")
    {
        Description = $"API token for --url (or {CarveConnectionResolver.TokenVariable})",
        HelpName = "SECRET",
        Recursive = true,
    };

    public Option<bool> Insecure { get; } = new("--insecure")
    {
        Description = "Accept carved's certificate without checking it (it is self-signed at first)",
        Recursive = true,
    };

    public Option<string> CaCert { get; } = new("--ca-cert")
    {
        Description = $"Trust exactly this certificate file for --url (or {CarveConnectionResolver.PinnedCertificateVariable})",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<string> Output { get; } = CreateOutput();

    public Option<bool> Async { get; } = new("--async")
    {
        Description = "For commands that change state: print the task id and return at once",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Socket);
        root.Options.Add(Url);
        root.Options.Add(Token);
        root.Options.Add(Insecure);
        root.Options.Add(CaCert);
        root.Options.Add(Output);
        root.Options.Add(Async);
    }

    private static Option<string> CreateOutput()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output format: table for people, json for scripts",
            HelpName = "table|json",
            DefaultValueFactory = _ => "table",
            Recursive = true,
        };
        return Choices.Restrict(output, "table", "json");
    }
}
