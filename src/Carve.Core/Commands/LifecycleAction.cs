namespace Carve.Core.Commands;

public enum LifecycleAction
{
    Start,
    Stop,
    Shutdown,
    Reboot,
    Delete,
}
