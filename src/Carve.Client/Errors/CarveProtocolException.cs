namespace Carve.Client.Errors;

/// <summary>carved answered with something this client cannot read (a version mismatch or a bug).</summary>
public sealed class CarveProtocolException : CarveException
{
    public CarveProtocolException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
