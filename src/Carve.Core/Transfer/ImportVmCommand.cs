using Carve.Contracts.Transfer;

namespace Carve.Core.Transfer;

public sealed record ImportVmCommand(ImportVmRequest Request, string User);
