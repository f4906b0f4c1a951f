using Carve.Core.Errors;

namespace Carve.Api.Endpoints;

internal static class Timeouts
{
    public static TimeSpan? Seconds(int? seconds) => seconds switch
    {
        null => null,
        < 0 or > 86_400 => throw new BadRequestException($"The timeout must be between 0 and 86400 seconds, not {seconds}."),
        _ => TimeSpan.FromSeconds(seconds.Value),
    };
}
