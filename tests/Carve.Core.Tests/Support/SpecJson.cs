using System.Text.Json;
using Carve.Core.Guests;

namespace Carve.Core.Tests.Support;

/// <summary>Kind-specific settings written as an anonymous object, for tests that need no driver's record.</summary>
internal static class SpecJson
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static GuestConfig WithSpecOf(this GuestConfig config, object spec) =>
        config.WithSpec(JsonSerializer.SerializeToElement(spec, Web));
}
