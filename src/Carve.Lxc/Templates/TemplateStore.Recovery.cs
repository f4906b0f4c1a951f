using Carve.Lxc.Driver.Support;
using Microsoft.Extensions.Logging;

namespace Carve.Lxc.Templates;

public sealed partial class TemplateStore
{
    private const string BuildPrefix = ".build-";
    private const string OldPrefix = ".old-";

    /// <summary>
    /// At carved's start, what a killed carved left of a build: its debootstrap may still be running and writing
    /// (with /proc mounted inside), and its scratch directory holds hundreds of MiB. A publish cut between its two
    /// renames left the previous template aside: it goes back in place.
    /// </summary>
    public async Task RecoverAsync(CancellationToken ct)
    {
        if (!Directory.Exists(TemplatesDir))
            return;
        foreach (var old in Directory.EnumerateDirectories(TemplatesDir, OldPrefix + "*").ToList())
            RestoreOrDelete(old);
        foreach (var build in Directory.EnumerateDirectories(TemplatesDir, BuildPrefix + "*").ToList())
        {
            await StopLeftoverBuildersAsync(build, ct);
            await UnmountBelowAsync(build);
            DeleteTree(build);
            LogLeftoverBuildRemoved(build);
        }
    }

    /// <summary>".old-NAME-GUID" is the template NAME that a publish moved aside before it moved the new one in.</summary>
    private void RestoreOrDelete(string old)
    {
        var rest = Path.GetFileName(old)[OldPrefix.Length..];
        var dash = rest.LastIndexOf('-');
        var final = dash > 0 && TemplateName().IsMatch(rest[..dash]) ? Path.Combine(TemplatesDir, rest[..dash]) : null;
        if (final is not null && !Directory.Exists(final))
        {
            Directory.Move(old, final);
            LogTemplateRestored(final);
        }
        else
        {
            DeleteTree(old);
        }
    }

    /// <summary>Kills, round after round, whatever still works in the scratch directory: debootstrap starts children.</summary>
    private async Task StopLeftoverBuildersAsync(string build, CancellationToken ct)
    {
        for (var round = 0; round < 5; round++)
        {
            var pids = proc.FindWorkingIn(build);
            if (pids.Count == 0)
                return;
            foreach (var pid in pids)
            {
                LogStoppingBuilder(pid, build);
                Signals.Kill(pid);
            }
            foreach (var pid in pids)
                await proc.WaitForExitAsync(pid, TimeSpan.FromSeconds(10), ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping process {Pid}, left building a template in {Dir} by an earlier carved")]
    private partial void LogStoppingBuilder(int pid, string dir);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Dir}, a template build that an earlier carved did not finish")]
    private partial void LogLeftoverBuildRemoved(string dir);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Put the template {Dir} back in place: an earlier carved stopped while it replaced it")]
    private partial void LogTemplateRestored(string dir);
}
