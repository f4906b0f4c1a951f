namespace Carve.Client.Errors;

/// <summary>carved could not be reached, or the connection broke before an answer came.</summary>
public sealed class CarveConnectionException : CarveException
{
    public CarveConnectionException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
