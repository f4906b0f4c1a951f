using Carve.Contracts.Guests;
using Carve.Core.Auth;
using Carve.Core.Consoles;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tests.Support;
using Carve.Core.Tests.Support.Fakes;

namespace Carve.Core.Tests.Consoles;

public sealed class ConsoleTicketServiceTests : IDisposable
{
    private static readonly Principal Alice = new("alice", "operator");
    private static readonly Principal Bob = new("bob", "operator");
    private readonly TestDatabase _db = new();
    private readonly GuestStore _guests;
    private readonly ManualClock _clock = new();

    public ConsoleTicketServiceTests()
    {
        _guests = new GuestStore(_db.Db);
        foreach (var (id, kind) in new[] { (100, GuestKind.Vm), (101, GuestKind.Vm), (102, GuestKind.Ct) })
        {
            _guests.Insert($"g{id}", id, kind, _ => new GuestConfig(), "setup");
            _guests.ReleaseLock(id, "setup");
        }
    }

    public void Dispose() => _db.Dispose();

    private GuestRecord Guest(int id) => _guests.Find(id)!;

    private ConsoleTicketService Service() => new(_clock, _guests, new GuestConsoles(_guests, FakeKinds.Standard()));

    [Fact]
    public void A_ticket_is_good_once_for_its_user_guest_and_channel()
    {
        var tickets = Service();
        var t = tickets.Issue(Alice, "g100", "serial");
        Assert.Equal("/api/v1/vms/100/console", t.Path);
        Assert.Equal(_clock.Now + ConsoleTicketService.Lifetime, t.ExpiresAt);
        tickets.Redeem(t.Ticket, Alice, Guest(100), "serial");
        Assert.Throws<ForbiddenException>(() => tickets.Redeem(t.Ticket, Alice, Guest(100), "serial"));
    }

    [Theory]
    [InlineData("bob", 100, "serial")]
    [InlineData("alice", 101, "serial")]
    [InlineData("alice", 100, "vnc")]
    public void A_ticket_does_not_open_another_users_guests_or_channels_console(string user, int guest, string channel)
    {
        var tickets = Service();
        var t = tickets.Issue(Alice, "g100", "serial");
        Assert.Throws<ForbiddenException>(() => tickets.Redeem(t.Ticket, user == "bob" ? Bob : Alice, Guest(guest), channel));
    }

    [Fact]
    public void An_expired_ticket_is_refused()
    {
        var tickets = Service();
        var t = tickets.Issue(Alice, "g100", "vnc");
        _clock.Now += ConsoleTicketService.Lifetime + TimeSpan.FromSeconds(1);
        Assert.Throws<ForbiddenException>(() => tickets.Redeem(t.Ticket, Alice, Guest(100), "vnc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("made-up")]
    public void A_missing_or_made_up_ticket_is_refused(string? ticket) =>
        Assert.Throws<ForbiddenException>(() => Service().Redeem(ticket, Alice, Guest(100), "serial"));

    [Theory]
    [InlineData("g100", "console")]
    [InlineData("g100", "exec")]
    [InlineData("g102", "vnc")]
    [InlineData("g102", "serial")]
    [InlineData("g100", "bogus")]
    public void A_channel_the_guest_does_not_have_is_a_400(string guest, string channel) =>
        Assert.Throws<BadRequestException>(() => Service().Issue(Alice, guest, channel));

    [Fact]
    public void The_ticket_names_the_websocket_of_the_guests_own_collection()
    {
        Assert.Equal("/api/v1/cts/102/exec", Service().Issue(Alice, "g102", "exec").Path);
        Assert.Equal("/api/v1/vms/101/vnc", Service().Issue(Alice, "101", "vnc").Path);
    }
}
