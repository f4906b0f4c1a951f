using Carve.Client;
using Carve.Client.Errors;
using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;

namespace Carve.Load;

/// <summary>
/// What must hold once the load has ended (issue 18): carved answers, no container of the load is left, no lock held,
/// no task unfinished, no half snapshot listed, and nothing of a deleted guest left on disk or running.
/// </summary>
public static class LoadInvariants
{
    /// <param name="dataDir">carved's --data-dir: its default pool and its lxcpath live there.</param>
    /// <returns>Each broken invariant, in a sentence; empty when all hold.</returns>
    public static async Task<IReadOnlyList<string>> CheckAsync(CarveClient client, string dataDir, string namePrefix, CancellationToken ct)
    {
        var broken = new List<string>();
        IReadOnlyList<GuestSummary> guests;
        try
        {
            await client.GetHostAsync(ct);
            guests = await client.ListGuestsAsync(ct);
        }
        catch (CarveException e)
        {
            return [$"carved does not answer: {e.Message}"];
        }
        broken.AddRange(guests.Where(g => g.Name.StartsWith(namePrefix + "-w", StringComparison.Ordinal))
            .Select(g => $"{g.Name} of the load was not deleted ({g.Status})."));
        broken.AddRange(guests.Where(g => g.Lock is not null).Select(g => $"{g.Name} still holds the lock '{g.Lock}'."));
        foreach (var guest in guests)
            broken.AddRange((await client.ListSnapshotsAsync(guest.Name, ct)).Where(s => s.State != "ready")
                .Select(s => $"{guest.Name} lists snapshot {s.Name} in state {s.State}."));
        broken.AddRange((await client.ListTasksAsync(1000, null, ct)).Where(t => !TaskStates.IsFinished(t.Status))
            .Select(t => $"Task {t.Id} ({t.Type}) is still {t.Status}."));
        broken.AddRange(LeftoverFiles.Find(dataDir, guests));
        broken.AddRange(LxcMonitors.FindWrong(Path.Combine(dataDir, "lxc"), guests));
        return broken;
    }
}
