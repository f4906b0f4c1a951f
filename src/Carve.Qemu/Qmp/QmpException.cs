namespace Carve.Qemu.Qmp;

/// <summary>QEMU answered a command with <c>{"error": {"class", "desc"}}</c>.</summary>
public sealed class QmpException : Exception
{
    public QmpException(string command, string errorClass, string description)
        : base($"QEMU rejected '{command}': {description}")
    {
        Command = command;
        Class = errorClass;
        Description = description;
    }

    public string Command { get; }

    /// <summary>The QMP error class, e.g. <c>GenericError</c> or <c>DeviceNotFound</c>.</summary>
    public string Class { get; }

    public string Description { get; }
}
