using Carve.Core.Errors;
using Carve.Core.Networks;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Networks;

public sealed class NetworkStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();

    private NetworkStore Store => new(_db.Db);

    private static NetworkRecord Lab => new()
    {
        Name = "lab", Type = "nat", Bridge = "carvebr-lab", Subnet = "10.77.0.0/24", CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void A_network_whose_deletion_did_not_finish_is_hidden_but_can_be_deleted_again()
    {
        Store.Insert(Lab);
        Store.MarkDeleting("lab");

        Assert.Empty(Store.List());
        Assert.Throws<NotFoundException>(() => Store.Get("lab"));
        Assert.Equal("lab", Store.GetForDelete("lab").Name);
    }

    [Fact]
    public void Creating_a_network_over_a_half_deleted_one_says_how_to_finish_the_deletion()
    {
        Store.Insert(Lab);
        Store.MarkDeleting("lab");

        var e = Assert.Throws<ConflictException>(() => Store.Insert(Lab));

        Assert.Contains("run `carve network delete lab` to finish it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_an_unknown_network_is_not_found() =>
        Assert.Throws<NotFoundException>(() => Store.GetForDelete("nope"));

    public void Dispose() => _db.Dispose();
}
