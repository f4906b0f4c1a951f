using System.Text.Json.Nodes;
using Carve.Contracts.Guests;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Carve.Api.OpenApi;

/// <summary>
/// <see cref="GuestKind"/> is written by its own converter, which the document generator cannot see through: it is a
/// string, one of the kinds' names.
/// </summary>
internal static class GuestKindSchema
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type == typeof(GuestKind))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = GuestKind.All.Select(k => (JsonNode)JsonValue.Create(k.Name)).ToList();
        }
        return Task.CompletedTask;
    }
}
