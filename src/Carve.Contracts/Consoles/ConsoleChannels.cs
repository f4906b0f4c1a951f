namespace Carve.Contracts.Consoles;

/// <summary>The WebSockets a console ticket can open.</summary>
public static class ConsoleChannels
{
    public const string Serial = "serial";
    public const string Vnc = "vnc";
    public const string Console = "console";
    public const string Exec = "exec";

    /// <summary>Which channels each kind of guest has.</summary>
    public static bool Fits(string kind, string channel) =>
        kind == "vm" ? channel is Serial or Vnc : channel is Console or Exec;
}
