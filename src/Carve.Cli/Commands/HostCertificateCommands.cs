using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Contracts.Host;

namespace Carve.Cli.Commands;

/// <summary>carve host cert show | set --cert F --key F | reset: the HTTPS certificate, replaced without a restart.</summary>
internal static class HostCertificateCommands
{
    public static Command Create(GlobalOptions options)
    {
        var cert = new Command("cert", "The HTTPS certificate carved presents (admin).");
        cert.Subcommands.Add(Show(options));
        cert.Subcommands.Add(Set(options));
        cert.Subcommands.Add(Reset(options));
        return cert;
    }

    private static Command Show(GlobalOptions options)
    {
        var command = new Command("show", "Subject, issuer, validity, names and SHA-256 fingerprint.");
        CliAction.Set(command, options, async (context, ct) => Print(context, await context.Client.GetCertificateAsync(ct)));
        return command;
    }

    private static Command Set(GlobalOptions options)
    {
        var certificate = new Option<FileInfo>("--cert") { Description = "PEM file: the certificate, then any intermediates", HelpName = "FILE", Required = true };
        var key = new Option<FileInfo>("--key") { Description = "PEM file: its private key", HelpName = "FILE", Required = true };
        var command = new Command("set", "Serve your own certificate from the next connection on (no restart).") { certificate, key };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var request = new SetCertificateRequest
            {
                Certificate = await ReadPemAsync(context.Get(certificate)!, ct),
                Key = await ReadPemAsync(context.Get(key)!, ct),
            };
            return Print(context, await context.Client.SetCertificateAsync(request, ct));
        });
        return command;
    }

    private static Command Reset(GlobalOptions options)
    {
        var command = new Command("reset", "Go back to a new self-signed certificate.");
        CliAction.Set(command, options, async (context, ct) => Print(context, await context.Client.ResetCertificateAsync(ct)));
        return command;
    }

    /// <summary>Read here and sent as text: the daemon may be on another machine (--url).</summary>
    private static async Task<string> ReadPemAsync(FileInfo file, CancellationToken ct)
    {
        if (!file.Exists)
            throw new UsageException($"{file.FullName} does not exist.");
        if (file.Length > MaxPemBytes)
            throw new UsageException($"{file.FullName} is {file.Length} bytes; a PEM certificate chain or key is far smaller.");
        return await File.ReadAllTextAsync(file.FullName, ct);
    }

    private const int MaxPemBytes = 1 << 20;

    private static int Print(CliContext context, CertificateView view)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Out, view);
            return ExitCodes.Success;
        }
        new FieldList()
            .Add("Subject", view.Subject)
            .Add("Issuer", view.SelfSigned ? view.Issuer + " (self-signed)" : view.Issuer)
            .Add("Valid", $"{view.NotBefore:yyyy-MM-dd} to {view.NotAfter:yyyy-MM-dd}")
            .Add("Names", view.Names.Count == 0 ? "(none)" : string.Join(", ", view.Names))
            .Add("SHA-256", view.Sha256Fingerprint)
            .Write(context.Out);
        return ExitCodes.Success;
    }
}
