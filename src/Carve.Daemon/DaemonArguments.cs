using System.CommandLine;
using Carve.Core.Configuration;

namespace Carve.Daemon;

/// <summary>carved --data-dir DIR --run-dir DIR --listen HOST:PORT|none --config FILE. Flags win over the config file.</summary>
public static class DaemonArguments
{
    private static readonly Option<string> DataDir = new("--data-dir")
    {
        HelpName = "DIR", Description = "SQLite database, storage pools, images, logs, TLS certificate (default /var/lib/carve)",
    };

    private static readonly Option<string> RunDir = new("--run-dir")
    {
        HelpName = "DIR", Description = "carved.sock and the running guests' sockets and pid files (default /run/carve)",
    };

    private static readonly Option<string> Listen = CreateListen();

    private static readonly Option<FileInfo> Config = new Option<FileInfo>("--config")
    {
        HelpName = "FILE", Description = "a JSON config file (comments allowed); flags win over it",
    }.AcceptExistingOnly();

    private static readonly RootCommand Root = new("carved: the Carve daemon (QEMU VMs and LXC containers, REST API, web UI)")
    {
        DataDir, RunDir, Listen, Config,
    };

    /// <summary>
    /// Parses without response files: an argument starting with @ is a value or a mistake here, never a file of
    /// more arguments.
    /// </summary>
    public static ParseResult Parse(IReadOnlyList<string> args) =>
        Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>One line saying what is wrong with the arguments, or null when nothing is.</summary>
    public static string? Error(ParseResult parse) =>
        parse.Errors.Count == 0 ? null : string.Join(" ", parse.Errors.Select(e => e.Message)) + " Run 'carved --help' for usage.";

    /// <summary>The config file (when one is named) with the flags laid over it; directories made absolute.</summary>
    /// <exception cref="InvalidDataException">The config file cannot be read or is not valid (the message says which key).</exception>
    public static CarveOptions ToOptions(ParseResult parse)
    {
        var options = parse.GetValue(Config) is { } config ? ConfigFileLoader.Load(config.FullName) : new CarveOptions();
        return options with
        {
            DataDir = Path.GetFullPath(parse.GetValue(DataDir) ?? options.DataDir),
            RunDir = Path.GetFullPath(parse.GetValue(RunDir) ?? options.RunDir),
            Listen = parse.GetValue(Listen) ?? options.Listen,
        };
    }

    private static Option<string> CreateListen()
    {
        var listen = new Option<string>("--listen")
        {
            HelpName = "HOST:PORT|none", Description = "HTTPS for the API and the web UI, or none for the unix socket only (default 0.0.0.0:8006)",
        };
        listen.Validators.Add(result =>
        {
            try
            {
                if (result.GetValueOrDefault<string>() is { } text)
                    ListenAddress.Parse(text);
            }
            catch (ArgumentException e)
            {
                result.AddError(e.Message);
            }
        });
        return listen;
    }
}
