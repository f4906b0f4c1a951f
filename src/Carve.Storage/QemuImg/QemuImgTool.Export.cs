using Carve.Core.Errors;
using Carve.Core.Storage;

namespace Carve.Storage.QemuImg;

/// <summary>Writing a volume out in the formats other hypervisors read.</summary>
public sealed partial class QemuImgTool
{
    public async Task ExportAsync(string path, string targetPath, string format, IProgress<int> progress, CancellationToken ct)
    {
        // adapter_type=lsilogic: VMware's default for the SCSI controller the OVF describes; ESXi checks it.
        var (qemuFormat, options) = format switch
        {
            "vmdk-stream" => ("vmdk", "subformat=streamOptimized,adapter_type=lsilogic"),
            "vmdk" => ("vmdk", "subformat=monolithicSparse,adapter_type=lsilogic"),
            "vhdx" => ("vhdx", "subformat=dynamic"),
            "qcow2" => ("qcow2", (string?)null),
            "raw" => ("raw", null),
            _ => throw new BadRequestException($"Unknown export format '{format}'."),
        };
        if (File.Exists(targetPath))
            throw new ConflictException($"The file {targetPath} already exists; refusing to overwrite it.");
        await RunAsync(
            ["convert", "-p", .. SourceArgs(new ImageSource(path, "qcow2")), "-O", qemuFormat, .. options is null ? [] : new[] { "-o", options }, targetPath],
            null, progress, ct);
    }
}
