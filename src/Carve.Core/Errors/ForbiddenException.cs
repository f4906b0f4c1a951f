namespace Carve.Core.Errors;

public sealed class ForbiddenException(string message) : CarveException(403, message);
