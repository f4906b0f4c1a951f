namespace Carve.Load;

/// <summary>How an operation went wrong; <see cref="Busy"/> (409) is expected under load and counted apart.</summary>
public enum ErrorKind
{
    Busy,
    ClientError,
    ServerError,
    TaskFailed,
    Exception,
}
