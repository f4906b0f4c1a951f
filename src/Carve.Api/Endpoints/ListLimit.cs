using Carve.Core.Errors;

namespace Carve.Api.Endpoints;

/// <summary>The ?limit= of a list: a limit below one is a mistake, refused as the CLI refuses it rather than quietly read as 1; a large one is capped.</summary>
internal static class ListLimit
{
    public static int Of(int? limit, int whenAbsent, int max) => limit switch
    {
        null => whenAbsent,
        < 1 => throw new BadRequestException($"The limit must be 1 or more, not {limit}."),
        _ => Math.Min(limit.Value, max),
    };
}
