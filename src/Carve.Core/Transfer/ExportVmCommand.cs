using Carve.Contracts.Transfer;

namespace Carve.Core.Transfer;

public sealed record ExportVmCommand(string Reference, ExportVmRequest Request, string User);
