using Carve.Contracts.Consoles;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;

namespace Carve.Core.Consoles;

/// <summary>
/// Consoles of every kind of guest: the serial port or tty, the screen, commands run inside, and the console log.
/// Which channels a guest has is its kind's definition; the byte streams come from its driver.
/// </summary>
public sealed class GuestConsoles(GuestStore guests, GuestDrivers drivers)
{
    /// <summary>The guest a console request names; it must be of the request's kind and have that channel.</summary>
    public GuestRecord Resolve(ConsoleRequest request)
    {
        var guest = guests.ResolveKind(request.Reference, request.Kind);
        RequireChannel(guest, request.Channel);
        return guest;
    }

    public void RequireChannel(GuestRecord guest, string channel)
    {
        var channels = drivers.Definition(guest.Kind).ConsoleChannels;
        if (!channels.Contains(channel))
            throw new BadRequestException($"{guest.Describe()} has no '{Validation.Names.Printable(channel)}' console; "
                + $"a {guest.Kind.Noun} has {string.Join(" and ", channels)}.");
    }

    /// <summary>What the guest has written to its console so far (bounded).</summary>
    public Task<byte[]> ReadLogAsync(GuestRecord guest, CancellationToken ct) => drivers.For<IGuestConsole>(guest.Kind).ReadLogAsync(guest, ct);

    /// <summary>A byte stream to the channel: RFB for the screen, the console's bytes otherwise.</summary>
    public Task<Stream> OpenAsync(GuestRecord guest, string channel, CancellationToken ct)
    {
        if (channel != ConsoleChannels.Vnc)
            return drivers.For<IGuestConsole>(guest.Kind).AttachAsync(guest, ct);
        var display = drivers.Find<IGuestDisplay>(guest.Kind) ?? throw new BadRequestException($"{guest.Describe()} has no graphical screen.");
        return display.AttachAsync(guest, ct);
    }

    /// <summary>Commands run only inside a running guest; checked before the WebSocket is accepted.</summary>
    public void RequireRunning(GuestRecord guest)
    {
        if (!drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
            throw new ConflictException($"{guest.Describe()} is not running.");
    }

    public Task<IGuestProcess> ExecAsync(GuestRecord guest, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment, CancellationToken ct) =>
        drivers.For<IGuestConsole>(guest.Kind).ExecAsync(guest, command, environment, ct);
}
