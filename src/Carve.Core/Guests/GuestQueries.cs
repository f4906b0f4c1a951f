using Carve.Contracts.Guests;
using Carve.Core.Drivers;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Guests;

/// <summary>Read-only views of guests with their live state; each kind's views come from its driver module.</summary>
public sealed class GuestQueries(IServiceProvider services, GuestStore guests, GuestDrivers drivers)
{
    public IReadOnlyList<GuestSummary> ListAll() =>
        guests.List().Select(g => new GuestSummary
        {
            Id = g.Id, Name = g.Name, Type = g.Kind, Status = drivers.Instance(g.Kind).Inspect(g).Status,
            Cpus = g.Config.Cpus, MemoryMiB = g.Config.MemoryMiB, Template = g.Template, Lock = g.Lock,
        }).ToList();

    /// <summary>Every guest of the kind whose views are <typeparamref name="TView"/>.</summary>
    public IReadOnlyList<TView> List<TView>()
    {
        var views = Views<TView>();
        var driver = drivers.Instance(views.Kind);
        return guests.List().Where(g => g.Kind == views.Kind).Select(g => views.View(g, driver.Inspect(g))).ToList();
    }

    /// <summary>One guest, named by id or name, which must be of the kind whose views are <typeparamref name="TView"/>.</summary>
    public async Task<TView> ShowAsync<TView>(string reference, CancellationToken ct)
    {
        var views = Views<TView>();
        var guest = guests.ResolveKind(reference, views.Kind);
        return await views.DetailAsync(guest, await drivers.Instance(guest.Kind).InspectDeepAsync(guest, ct), ct);
    }

    private IGuestViews<TView> Views<TView>() => services.GetRequiredService<IGuestViews<TView>>();
}
