using Carve.Contracts.Guests;
using Carve.Core.Guests;
using Carve.Core.Tasks;

namespace Carve.Core.Tests.Tasks;

/// <summary>Which tasks' own rows wait for the disk (docs/architecture.md, "State").</summary>
public sealed class TaskDurabilityTests
{
    private static readonly GuestRecord Web = new() { Id = 100, Name = "web", Kind = GuestKind.Vm, Config = new GuestConfig() };

    private static TaskRequest Request(string type, GuestRecord? guest = null, bool lockHeld = false) =>
        new() { Type = type, User = "tester", Guest = guest, LockHeld = lockHeld, Work = (_, _) => Task.CompletedTask };

    [Theory]
    [InlineData("vm-start", false)]
    [InlineData("ct-stop", false)]
    [InlineData("vm-snapshot", false)]
    [InlineData("vm-set", false)]
    [InlineData("vm-delete", true)]
    [InlineData("ct-delete", true)]
    public void A_guests_task_is_lazy_unless_recovery_settles_its_lock(string type, bool durable) =>
        Assert.Equal(durable, TaskRunner.Durable(Request(type, Web)));

    [Fact]
    public void A_task_that_came_holding_its_guests_create_lock_is_durable_whatever_its_type() =>
        // An import's type is vm-import, but the lock it holds is the new guest's vm-create one, which recovery settles.
        Assert.True(TaskRunner.Durable(Request("vm-import", Web with { Lock = "vm-create" }, lockHeld: true)));

    [Fact]
    public void A_task_without_a_guest_is_durable() => Assert.True(TaskRunner.Durable(Request("network-create")));
}
