using System.Xml.Linq;

namespace Carve.Transfer;

/// <summary>The XML namespaces of OVF 1.0 as VMware's ovftool writes them.</summary>
internal static class OvfNamespaces
{
    public static readonly XNamespace Ovf = "http://schemas.dmtf.org/ovf/envelope/1";
    public static readonly XNamespace Ovf2 = "http://schemas.dmtf.org/ovf/envelope/2";
    public static readonly XNamespace Rasd = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData";
    public static readonly XNamespace Vssd = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData";
    public static readonly XNamespace Vmw = "http://www.vmware.com/schema/ovf";
    public static readonly XNamespace Cim = "http://schemas.dmtf.org/wbem/wscim/1/common";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public const string StreamOptimized = "http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized";
}
