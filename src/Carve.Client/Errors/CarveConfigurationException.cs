namespace Carve.Client.Errors;

/// <summary>The connection settings themselves are wrong (e.g. a malformed URL); a usage error.</summary>
public sealed class CarveConfigurationException : CarveException
{
    public CarveConfigurationException(string message)
        : base(message)
    {
    }
}
