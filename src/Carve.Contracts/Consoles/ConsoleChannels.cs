namespace Carve.Contracts.Consoles;

/// <summary>The WebSockets a console ticket can open; which of them a guest has depends on its kind.</summary>
public static class ConsoleChannels
{
    public const string Serial = "serial";
    public const string Vnc = "vnc";
    public const string Console = "console";
    public const string Exec = "exec";

    /// <summary>The WebSocket's path below the guest: /vnc, /exec, and /console for a serial port or tty.</summary>
    public static string PathOf(string channel) => channel switch
    {
        Vnc => "vnc",
        Exec => "exec",
        _ => "console",
    };
}
