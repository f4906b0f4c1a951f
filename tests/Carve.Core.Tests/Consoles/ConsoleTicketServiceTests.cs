using Carve.Core.Auth;
using Carve.Core.Consoles;
using Carve.Core.Errors;
using Carve.Core.Guests;

namespace Carve.Core.Tests.Consoles;

public sealed class ConsoleTicketServiceTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly Principal Alice = new("alice", "operator");
    private static readonly Principal Bob = new("bob", "operator");
    private static GuestRecord Guest(int id, string kind = "vm") => new() { Id = id, Name = $"g{id}", Kind = kind, ConfigJson = "{}" };

    private readonly ManualClock _clock = new();
    private ConsoleTicketService Service() => new(_clock);

    [Fact]
    public void A_ticket_is_good_once_for_its_user_guest_and_channel()
    {
        var tickets = Service();
        var t = tickets.Issue(Alice, Guest(100), "serial", "/api/v1/vms/100/console");
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
        var t = tickets.Issue(Alice, Guest(100), "serial", "/p");
        Assert.Throws<ForbiddenException>(() => tickets.Redeem(t.Ticket, user == "bob" ? Bob : Alice, Guest(guest), channel));
    }

    [Fact]
    public void An_expired_ticket_is_refused()
    {
        var tickets = Service();
        var t = tickets.Issue(Alice, Guest(100), "vnc", "/p");
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
    [InlineData("vm", "console")]
    [InlineData("vm", "exec")]
    [InlineData("ct", "vnc")]
    [InlineData("ct", "serial")]
    [InlineData("vm", "bogus")]
    public void A_channel_the_guest_does_not_have_is_a_400(string kind, string channel) =>
        Assert.Throws<BadRequestException>(() => Service().Issue(Alice, Guest(100, kind), channel, "/p"));
}
