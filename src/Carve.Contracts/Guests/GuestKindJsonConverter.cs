using System.Text.Json;
using System.Text.Json.Serialization;

namespace Carve.Contracts.Guests;

/// <summary>A <see cref="GuestKind"/> is its name on the wire; an unknown name is the sender's mistake.</summary>
public sealed class GuestKindJsonConverter : JsonConverter<GuestKind>
{
    public override GuestKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && GuestKind.TryParse(reader.GetString(), out var kind)
            ? kind
            : throw new JsonException($"Unknown kind of guest: use one of {string.Join(", ", GuestKind.All)}.");

    public override void Write(Utf8JsonWriter writer, GuestKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name);
}
