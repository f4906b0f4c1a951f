namespace Carve.Core.Errors;

public sealed class BadRequestException(string message) : CarveException(400, message);
