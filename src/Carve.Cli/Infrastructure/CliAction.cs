using System.CommandLine;
using Carve.Client.Errors;

namespace Carve.Cli.Infrastructure;

/// <summary>Runs a command body and turns every expected failure into "error: sentence" and an exit code.</summary>
internal static class CliAction
{
    public static void Set(Command command, GlobalOptions options, Func<CliContext, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, ct) => RunAsync(parse, options, body, ct));

    private static async Task<int> RunAsync(
        ParseResult parse,
        GlobalOptions options,
        Func<CliContext, CancellationToken, Task<int>> body,
        CancellationToken ct)
    {
        using var context = new CliContext(parse, options);
        try
        {
            return await body(context, ct);
        }
        catch (UsageException e)
        {
            return Fail(context, e.Message, ExitCodes.Usage);
        }
        catch (CarveConfigurationException e)
        {
            return Fail(context, e.Message, ExitCodes.Usage);
        }
        catch (CarveException e)
        {
            return Fail(context, e.Message, ExitCodes.Failure);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
    }

    private static int Fail(CliContext context, string message, int exitCode)
    {
        context.Error.WriteLine("error: " + message);
        return exitCode;
    }
}
