namespace Carve.Core.Errors;

/// <summary>An error meant for the user: its message is one clear sentence, its status the HTTP status to answer with.</summary>
public class CarveException(int status, string message, Exception? inner = null) : Exception(message, inner)
{
    public int Status { get; } = status;
}
