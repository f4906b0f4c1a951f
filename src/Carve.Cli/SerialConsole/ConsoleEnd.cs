namespace Carve.Cli.SerialConsole;

/// <summary>Why a console session ended.</summary>
internal enum ConsoleEnd
{
    /// <summary>The user pressed Ctrl-].</summary>
    Detached,

    /// <summary>stdin reached its end (a pipe or file, not a terminal).</summary>
    InputEnded,

    /// <summary>carved or the guest closed the websocket.</summary>
    SocketClosed,
}
