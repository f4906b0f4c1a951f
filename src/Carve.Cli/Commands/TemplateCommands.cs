using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Cli.Tasks;
using Carve.Contracts.Containers;

namespace Carve.Cli.Commands;

/// <summary>carve template list | template build debian [--suite S]: the root filesystems containers start from.</summary>
internal static class TemplateCommands
{
    private const string Debian = "debian";

    public static Command Create(GlobalOptions options)
    {
        var template = new Command("template", "Container templates.");
        template.Subcommands.Add(List(options));
        template.Subcommands.Add(Build(options));
        return template;
    }

    private static Command List(GlobalOptions options)
    {
        var command = new Command("list", "Container templates, and whether they are built.");
        CliAction.Set(command, options, async (context, ct) =>
        {
            var templates = await context.Client.ListTemplatesAsync(ct);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, templates);
                return ExitCodes.Success;
            }
            var table = new TextTable("NAME", "SOURCE", "READY", "SIZE", "DESCRIPTION");
            foreach (var t in templates.OrderBy(t => t.Name, StringComparer.Ordinal))
                table.Add(t.Name, t.Source, t.Ready ? "yes" : "no", Units.Bytes(t.SizeBytes), t.Description);
            table.Write(context.Out, whenEmpty: "(no templates)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Build(GlobalOptions options)
    {
        var distribution = new Argument<string>("DISTRIBUTION") { Description = "What to build; only debian for now" };
        distribution.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && value != Debian)
                result.AddError($"carve builds only {Debian} templates, not '{value}'.");
        });
        var suite = new Option<string>("--suite") { Description = "The Debian release (default bookworm)", HelpName = "SUITE" };
        var command = new Command("build", "Build a template with debootstrap from the host's Debian mirror.") { distribution, suite };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var request = new BuildTemplateRequest { Distribution = context.Get(distribution) };
            if (context.Get(suite) is { } suiteName)
                request = request with { Suite = suiteName };
            var what = $"{request.Distribution} ({request.Suite})";
            var outcome = await TaskRunner.SubmitAsync(
                context, (client, token) => client.BuildTemplateAsync(request, token), $"Building {what}", $"Template {what} built.", ct);
            return outcome.ExitCode;
        });
        return command;
    }
}
