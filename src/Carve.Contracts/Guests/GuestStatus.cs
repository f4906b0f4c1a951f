namespace Carve.Contracts.Guests;

public static class GuestStatus
{
    public const string Running = "running";
    public const string Stopped = "stopped";
    public const string Paused = "paused";
    public const string Unknown = "unknown";
}
