using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Contracts.Guests;

namespace Carve.Cli.Specs;

/// <summary>The --onboot, --startup and --restart options of vm set and ct set, as Proxmox spells the first two.</summary>
internal sealed class BootOptions
{
    public Option<bool?> OnBoot { get; } = new("--onboot")
    {
        Description = "Start with the host (--onboot false: no longer)", HelpName = "true|false", Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string> Startup { get; } = new("--startup")
    {
        Description = "Start order and delays: order=N[,up=SECONDS][,down=SECONDS][,ready=TEXT]; lower orders start first and stop last; "
            + "the next guest starts once this one prints TEXT on its console (at most up seconds); ready=none clears it",
        HelpName = "SPEC",
    };

    public Option<string> Restart { get; } = Choices.Restrict(
        new Option<string>("--restart") { Description = "Start it again when it dies without Carve stopping it", HelpName = "on-crash|no" },
        RestartPolicies.OnCrash, RestartPolicies.No);

    public void AddTo(Command command)
    {
        command.Options.Add(OnBoot);
        command.Options.Add(Startup);
        command.Options.Add(Restart);
    }

    /// <summary>Null when none of the options was given.</summary>
    public BootPolicy? Read(CliContext context)
    {
        var onBoot = context.Get(OnBoot);
        var startup = context.Get(Startup) is { } spec ? StartupSpecParser.Parse(spec) : null;
        var restart = context.Get(Restart);
        if (onBoot is null && startup is null && restart is null)
            return null;
        return (startup ?? new BootPolicy()) with { OnBoot = onBoot, Restart = restart };
    }
}
