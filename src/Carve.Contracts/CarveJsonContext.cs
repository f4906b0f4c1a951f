using System.Text.Json;
using System.Text.Json.Serialization;
using Carve.Contracts.Audit;
using Carve.Contracts.Auth;
using Carve.Contracts.Consoles;
using Carve.Contracts.Containers;
using Carve.Contracts.Guests;
using Carve.Contracts.Host;
using Carve.Contracts.Networks;
using Carve.Contracts.Snapshots;
using Carve.Contracts.Images;
using Carve.Contracts.Tasks;
using Carve.Contracts.Transfer;
using Carve.Contracts.Vms;

namespace Carve.Contracts;

/// <summary>
/// Compile-time JSON metadata for every wire record: the only way the CLI and the daemon, both Native AOT, read and
/// write the wire. Only metadata is generated: <see cref="CarveJson"/>'s options still decide naming, unknown fields,
/// nulls and escaping. A wire type left out here fails when used (tests/Carve.Cli.Tests checks every one is here).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ProblemView))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(TokenCreated))]
[JsonSerializable(typeof(TokenView))]
[JsonSerializable(typeof(IReadOnlyList<TokenView>))]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(SetPasswordRequest))]
[JsonSerializable(typeof(TotpSetupView))]
[JsonSerializable(typeof(TotpCodeRequest))]
[JsonSerializable(typeof(PasswordCheckRequest))]
[JsonSerializable(typeof(ChangeOwnPasswordRequest))]
[JsonSerializable(typeof(GrantRequest))]
[JsonSerializable(typeof(UserView))]
[JsonSerializable(typeof(IReadOnlyList<UserView>))]
[JsonSerializable(typeof(AuditEntryView))]
[JsonSerializable(typeof(IReadOnlyList<AuditEntryView>))]
[JsonSerializable(typeof(BuildTemplateRequest))]
[JsonSerializable(typeof(CreateCtRequest))]
[JsonSerializable(typeof(SetCtRequest))]
[JsonSerializable(typeof(BootPolicy))]
[JsonSerializable(typeof(CtView))]
[JsonSerializable(typeof(IReadOnlyList<CtView>))]
[JsonSerializable(typeof(ExecStart))]
[JsonSerializable(typeof(TemplateView))]
[JsonSerializable(typeof(IReadOnlyList<TemplateView>))]
[JsonSerializable(typeof(GuestSummary))]
[JsonSerializable(typeof(IReadOnlyList<GuestSummary>))]
[JsonSerializable(typeof(HostInfo))]
[JsonSerializable(typeof(CertificateView))]
[JsonSerializable(typeof(SetCertificateRequest))]
[JsonSerializable(typeof(HostCheckReport))]
[JsonSerializable(typeof(IReadOnlyList<PciDeviceView>))]
[JsonSerializable(typeof(IReadOnlyList<UsbDeviceView>))]
[JsonSerializable(typeof(TaskAccepted))]
[JsonSerializable(typeof(TaskEvent))]
[JsonSerializable(typeof(TaskView))]
[JsonSerializable(typeof(IReadOnlyList<TaskView>))]
[JsonSerializable(typeof(CreateVmRequest))]
[JsonSerializable(typeof(SetVmRequest))]
[JsonSerializable(typeof(VmView))]
[JsonSerializable(typeof(IReadOnlyList<VmView>))]
[JsonSerializable(typeof(CreateNetworkRequest))]
[JsonSerializable(typeof(NetworkView))]
[JsonSerializable(typeof(IReadOnlyList<NetworkView>))]
[JsonSerializable(typeof(CreateSnapshotRequest))]
[JsonSerializable(typeof(SnapshotView))]
[JsonSerializable(typeof(IReadOnlyList<SnapshotView>))]
[JsonSerializable(typeof(CloneRequest))]
[JsonSerializable(typeof(ConsoleTicketRequest))]
[JsonSerializable(typeof(ConsoleTicketView))]
[JsonSerializable(typeof(ImageView))]
[JsonSerializable(typeof(TokenLoginRequest))]
[JsonSerializable(typeof(IReadOnlyList<ImageView>))]
[JsonSerializable(typeof(ImportVmRequest))]
[JsonSerializable(typeof(ImportCtRequest))]
[JsonSerializable(typeof(ExportRequest))]
[JsonSerializable(typeof(ExportView))]
[JsonSerializable(typeof(IReadOnlyList<ExportView>))]
public sealed partial class CarveJsonContext : JsonSerializerContext;
