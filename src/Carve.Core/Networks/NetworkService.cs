using System.Diagnostics.CodeAnalysis;
using Carve.Contracts.Networks;
using Carve.Contracts.Tasks;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Microsoft.Extensions.Logging;

namespace Carve.Core.Networks;

/// <summary>Creating, listing and deleting networks, and keeping each network's DHCP and port rules in step with its guests.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification =
    "A process-lifetime singleton: its gate is held by background tasks, which the daemon only asks to stop at " +
    "shutdown, so they may still release it after the container disposes singletons; a disposed gate would fail them " +
    "with ObjectDisposedException instead of their own outcome. SemaphoreSlim(1, 1) allocates no wait handle, so " +
    "disposing it would free nothing.")]
public sealed partial class NetworkService(
    NetworkStore store, NetworkDrivers drivers, GuestStore guests, Drivers.GuestDrivers guestDrivers, TaskRunner tasks, ILogger<NetworkService> logger)
{
    // Network changes and refreshes are few and quick; one at a time keeps dnsmasq and nft consistent.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public TaskView Create(CreateNetworkCommand command)
    {
        var network = NetworkRequestValidator.Validate(command.Request, store.List());
        var driver = drivers.For(network.Type);
        network = network with { Adopted = driver.Check(network) };
        store.Insert(network);
        return tasks.Submit(new TaskRequest
        {
            Type = "network-create",
            User = command.User,
            Work = async (task, ct) =>
            {
                await WithGateAsync(() => driver.ApplyAsync(network, Plan(network), ct), ct);
                task.Log(network.Adopted
                    ? $"Adopted bridge {network.Bridge} for network {network.Name}."
                    : $"Created network {network.Name} ({Describe(network)}).");
            },
            OnFailure = async task =>
            {
                // Nothing half made stays: what the driver did so far goes, and so does the row.
                await driver.RemoveAsync(network, CancellationToken.None);
                store.Delete(network.Name);
                task.Log($"Removed the half-made network {network.Name}.");
            },
        });
    }

    public TaskView Delete(DeleteNetworkCommand command)
    {
        var network = store.GetForDelete(command.Name);
        var users = Users(network.Name);
        if (users.Count > 0)
            throw new ConflictException($"Network {network.Name} is in use by {string.Join(", ", users)}; remove their NICs first (`set --nic`).");
        return tasks.Submit(new TaskRequest
        {
            Type = "network-delete",
            User = command.User,
            Work = async (task, ct) =>
            {
                store.MarkDeleting(network.Name);
                await WithGateAsync(() => drivers.For(network.Type).RemoveAsync(network, ct), ct);
                store.Delete(network.Name);
                task.Log(network.Adopted
                    ? $"Deleted network {network.Name}; the adopted bridge {network.Bridge} stays."
                    : $"Deleted network {network.Name} and its bridge {network.Bridge}.");
            },
        });
    }

    /// <param name="mayUse">For a caller limited to some guests: which guests it may see among users and leases.</param>
    public IReadOnlyList<NetworkView> List(Func<string, bool>? mayUse = null) => store.List().Select(n => View(n, mayUse)).ToList();

    public NetworkView Show(string name, Func<string, bool>? mayUse = null) => View(store.Get(name), mayUse);

    /// <summary>At daemon start: every network made again (idempotently), and deletes a dead daemon began finished.</summary>
    public async Task ApplyAllAsync(CancellationToken ct)
    {
        foreach (var network in store.ListDeleting())
            await SettleAsync(network, "finishing its deletion", async () =>
            {
                await drivers.For(network.Type).RemoveAsync(network, ct);
                store.Delete(network.Name);
            });
        foreach (var network in store.List())
            await SettleAsync(network, "bringing it up", () => drivers.For(network.Type).ApplyAsync(network, Plan(network), ct));
    }

    /// <summary>Brings the named networks' DHCP reservations and published ports in line with the guests' NICs.</summary>
    public Task RefreshAsync(IEnumerable<string> names, CancellationToken ct) =>
        WithGateAsync(async () =>
        {
            foreach (var name in names.Distinct())
                if (store.Find(name) is { } network)
                    await drivers.For(network.Type).ApplyAsync(network, Plan(network), ct);
        }, ct);

    /// <summary>Applies again each network whose driver reports a failure (a dnsmasq that died), and says so in the log.</summary>
    public Task RepairAsync(CancellationToken ct) =>
        WithGateAsync(async () =>
        {
            foreach (var network in store.List())
                await SettleAsync(network, "repairing it", async () =>
                {
                    var driver = drivers.For(network.Type);
                    if (driver.Failure(network) is not { } failure)
                        return;
                    LogRepairing(network.Name, failure);
                    await driver.ApplyAsync(network, Plan(network), ct);
                    LogRepaired(network.Name);
                });
        }, ct);

    private async Task SettleAsync(NetworkRecord network, string what, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One broken network (an uplink that went away) must not keep the daemon and every guest down.
            LogNetworkFailed(network.Name, what, e.Message);
        }
    }

    private async Task WithGateAsync(Func<Task> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Network {Network}: {Failure}; carved brings it up again")]
    private partial void LogRepairing(string network, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network {Network} works again")]
    private partial void LogRepaired(string network);

    [LoggerMessage(Level = LogLevel.Error, Message = "Network {Network}: {What} failed: {Error}")]
    private partial void LogNetworkFailed(string network, string what, string error);
}
