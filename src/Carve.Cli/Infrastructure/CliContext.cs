using System.CommandLine;
using Carve.Client;
using Carve.Client.Connection;

namespace Carve.Cli.Infrastructure;

/// <summary>What one command invocation needs: its parsed values, the output mode and a client made on first use.</summary>
internal sealed class CliContext(ParseResult parse, GlobalOptions options) : IDisposable
{
    private CarveClient? _client;

    public bool Json => parse.GetValue(options.Output) == "json";

    public bool Async => parse.GetValue(options.Async);

    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;

    /// <summary>Paths on the command line are relative to here; carved has another working directory.</summary>
    public string WorkingDirectory => Environment.CurrentDirectory;

    public CarveClient Client => _client ??= new CarveClient(CarveConnectionResolver.Resolve(Flags()));

    public T? Get<T>(Option<T> option) => parse.GetValue(option);

    public T Get<T>(Argument<T> argument) => parse.GetRequiredValue(argument);

    public void Dispose() => _client?.Dispose();

    private ConnectionFlags Flags() => new()
    {
        Socket = parse.GetValue(options.Socket),
        Url = parse.GetValue(options.Url),
        Token = parse.GetValue(options.Token),
        Insecure = parse.GetValue(options.Insecure),
        PinnedCertificate = parse.GetValue(options.CaCert),
    };
}
