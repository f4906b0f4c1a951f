namespace Carve.Core.Errors;

public sealed class NotFoundException(string message) : CarveException(404, message);
