namespace Carve.Core.Errors;

/// <summary>The request clashes with the guest's current state or with another operation.</summary>
public sealed class ConflictException(string message) : CarveException(409, message);
