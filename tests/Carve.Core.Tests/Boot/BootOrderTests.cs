using Carve.Contracts.Guests;
using Carve.Core.Boot;
using Carve.Core.Guests;

namespace Carve.Core.Tests.Boot;

public sealed class BootOrderTests
{
    private static GuestRecord Guest(int id, bool onBoot = true, int? order = null, bool template = false) => new()
    {
        Id = id, Name = $"g{id}", Kind = GuestKind.Ct, Template = template,
        Config = new GuestConfig { Boot = new BootPolicy { OnBoot = onBoot, Order = order } },
    };

    [Fact]
    public void Onboot_guests_start_by_order_then_id_and_unordered_ones_last()
    {
        var guests = new[] { Guest(100), Guest(101, order: 2), Guest(102, order: 1), Guest(103, order: 2), Guest(104, onBoot: false, order: 0) };

        Assert.Equal([102, 101, 103, 100], BootOrder.ToStart(guests).Select(g => g.Id));
    }

    [Fact]
    public void Templates_and_guests_never_set_do_not_start_at_boot()
    {
        var never = new GuestRecord { Id = 105, Name = "plain", Kind = GuestKind.Vm, Config = new GuestConfig() };

        Assert.Empty(BootOrder.ToStart([never, Guest(106, template: true)]));
    }

    [Fact]
    public void Stopping_is_the_reverse_in_groups_of_one_order()
    {
        var running = new[] { Guest(100), Guest(101, order: 2), Guest(102, order: 1), Guest(103, order: 2), Guest(107) };

        var groups = BootOrder.ToStop(running).Select(g => g.Select(x => x.Id).ToArray()).ToList();

        Assert.Equal([[107, 100], [103, 101], [102]], groups);
    }
}
