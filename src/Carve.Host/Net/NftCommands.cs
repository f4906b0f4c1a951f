using Carve.Host.Processes;

namespace Carve.Host.Net;

/// <summary>nftables through `nft -f FILE`: a generated ruleset replaces one of Carve's own tables in one transaction.</summary>
public sealed class NftCommands(IProcessRunner runner)
{
    public async Task LoadAsync(string rulesetFile, CancellationToken ct) =>
        await RunAsync(["-f", rulesetFile], ct);

    /// <summary>Deletes the table if it exists: `destroy` is only in newer nft, so an add-then-delete batch does it.</summary>
    public async Task DeleteTableAsync(string family, string table, string scratchFile, CancellationToken ct)
    {
        await File.WriteAllTextAsync(scratchFile, $"table {family} {table}\ndelete table {family} {table}\n", ct);
        await RunAsync(["-f", scratchFile], ct);
        File.Delete(scratchFile);
    }

    private async Task RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var result = await runner.RunAsync(new ProcessSpec("nft", args) { Timeout = TimeSpan.FromSeconds(30) }, ct);
        if (!result.Succeeded)
            throw new LinkCommandException($"nft {string.Join(' ', args)} failed: {result.LastErrorLine}");
    }
}
