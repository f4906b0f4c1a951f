using System.Text.RegularExpressions;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Validation;
using Carve.Lxc.Exec;
using Carve.Host.Processes;

namespace Carve.Lxc.Driver;

public sealed partial class LxcDriver
{
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}\z")]
    private static partial Regex EnvironmentName();

    /// <summary>Runs the command as root in the container with an empty environment (plus <paramref name="environment"/>).</summary>
    public Task<IGuestProcess> ExecAsync(GuestRecord guest, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment, CancellationToken ct)
    {
        if (command.Count == 0 || command[0].Length == 0)
            throw new BadRequestException("The command to run is empty.");
        if (command.Any(a => a.Contains('\0', StringComparison.Ordinal)))
            throw new BadRequestException("The command must not contain NUL bytes.");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            if (!EnvironmentName().IsMatch(key) || value.Contains('\0', StringComparison.Ordinal))
                throw new BadRequestException($"Invalid environment variable '{Names.Printable(key)}'.");
        var paths = Paths(guest);
        if (locator.Find(paths) is not { InitPid: not null })
            throw new ConflictException($"{guest.Describe()} is not running.");
        var process = StreamingProcess.Start("lxc-attach", LxcCommands.Attach(paths, command, environment));
        return Task.FromResult<IGuestProcess>(new LxcAttachedProcess(process));
    }
}
