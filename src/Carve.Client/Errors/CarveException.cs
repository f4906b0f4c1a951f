namespace Carve.Client.Errors;

/// <summary>Base of every failure the client reports; its message is one sentence meant for people.</summary>
public abstract class CarveException : Exception
{
    protected CarveException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
