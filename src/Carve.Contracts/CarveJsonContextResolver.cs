using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Carve.Contracts;

/// <summary>
/// <see cref="CarveJsonContext"/>, minus the types whose generated metadata would lose a property initializer.
/// The source generator builds a record with init-only properties through one object initializer that sets them
/// all, so a field missing from the JSON becomes default(T) instead of, say, <c>Cpus = 1</c>
/// (dotnet/runtime#84484). A type that a fresh instance does not leave all at defaults is declined here and left to
/// the reflection resolver, which keeps the initializers; every other wire type gets its metadata without reflection.
/// </summary>
internal sealed class CarveJsonContextResolver : IJsonTypeInfoResolver
{
    public static CarveJsonContextResolver Instance { get; } = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        var info = ((IJsonTypeInfoResolver)CarveJsonContext.Default).GetTypeInfo(type, options);
        return info is null || KeepsInitializers(info) ? info : null;
    }

    /// <summary>True when deserializing through the generated metadata leaves what a constructor would have set.</summary>
    private static bool KeepsInitializers(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
            return true;
        if (info.Type.GetConstructor(Type.EmptyTypes) is null)
        {
            // A positional record: safe only when every property is a constructor parameter (the generator knows
            // their default values); a property set by an initializer besides them cannot be checked.
            var properties = info.Properties.Count;
            return info.Type.GetConstructors().Any(c => c.GetParameters().Length == properties);
        }
        object fresh;
        try
        {
            fresh = Activator.CreateInstance(info.Type)!;
        }
        catch (Exception e) when (e is MemberAccessException or System.Reflection.TargetInvocationException)
        {
            return false;
        }
        foreach (var property in info.Properties)
        {
            if (property.Get is { } get && !IsDefault(get(fresh), property.PropertyType))
                return false;
        }
        return true;
    }

    private static bool IsDefault(object? value, Type type) =>
        value is null || (type.IsValueType && value.Equals(RuntimeHelpers.GetUninitializedObject(type)));
}
