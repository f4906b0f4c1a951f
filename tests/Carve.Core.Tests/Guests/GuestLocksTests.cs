using Carve.Core.Guests;

namespace Carve.Core.Tests.Guests;

public sealed class GuestLocksTests
{
    [Theory]
    [InlineData("vm-create", true)]
    [InlineData("ct-create", true)]
    [InlineData("vm-delete", true)]
    [InlineData("ct-delete", true)]
    [InlineData("vm-start", false)]
    [InlineData("ct-stop", false)]
    [InlineData("vm-snapshot", false)]
    [InlineData("vm-create-snapshot", false)]
    public void Only_creates_and_deletes_are_settled_by_recovery(string lockName, bool settled) =>
        Assert.Equal(settled, GuestLocks.RecoverySettles(lockName));
}
