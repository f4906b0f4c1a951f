namespace Carve.Qemu.Qmp;

/// <summary>One entry of <c>query-block</c>.</summary>
/// <param name="Device">The block backend name: the <c>id</c> of <c>-drive</c>, which block_resize takes.</param>
/// <param name="QdevPath">The guest device's QOM path; null for a drive not attached to a device.</param>
/// <param name="File">The image file; null when no medium is inserted (empty CD-ROM).</param>
/// <param name="Format">The format driver (qcow2, raw, ...); null when no medium is inserted.</param>
/// <param name="NodeName">The top node's name (auto-generated, e.g. "#block172", unless set).</param>
/// <param name="VirtualSize">Guest-visible size in bytes; null when no medium is inserted.</param>
public sealed record QmpBlockDevice(
    string Device,
    string? QdevPath,
    string? File,
    string? Format,
    string? NodeName,
    long? VirtualSize,
    bool ReadOnly,
    bool Removable);
