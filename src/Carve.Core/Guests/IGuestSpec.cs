using System.Text.Json.Serialization.Metadata;

namespace Carve.Core.Guests;

/// <summary>
/// A kind's own part of a guest's config (VmSpec, CtSpec), stored by <see cref="GuestConfig"/> beside the common
/// settings. Its JSON metadata comes from the driver's source-generated context: nothing is read by reflection.
/// </summary>
public interface IGuestSpec<TSelf> where TSelf : class, IGuestSpec<TSelf>
{
    static abstract JsonTypeInfo<TSelf> JsonTypeInfo { get; }
}
