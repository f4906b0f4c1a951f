namespace Carve.Transfer.Tests;

/// <summary>OVF descriptors as other tools write them, and a small builder for hardware sections.</summary>
internal static class OvfSamples
{
    public const string Namespaces =
        "xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\" xmlns:ovf=\"http://schemas.dmtf.org/ovf/envelope/1\" " +
        "xmlns:rasd=\"http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData\" " +
        "xmlns:vssd=\"http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData\" xmlns:vmw=\"http://www.vmware.com/schema/ovf\"";

    /// <summary>An envelope whose disks d1, d2... are files d1.vmdk, ... of 1 MiB each.</summary>
    public static string Hardware(string items, string[] disks, string deployment = "") => $"""
        <?xml version="1.0"?>
        <Envelope {Namespaces}>
          <References>{string.Concat(disks.Select(d => $"<File ovf:href=\"{d}.vmdk\" ovf:id=\"f-{d}\"/>"))}</References>
          <DiskSection><Info>Disks</Info>{string.Concat(disks.Select(d => $"<Disk ovf:capacity=\"1048576\" ovf:diskId=\"{d}\" ovf:fileRef=\"f-{d}\"/>"))}</DiskSection>
          {deployment}
          <VirtualSystem ovf:id="vm"><Info>A VM</Info>
            <VirtualHardwareSection><Info>Hardware</Info>{items}</VirtualHardwareSection>
          </VirtualSystem>
        </Envelope>
        """;

    public static string Controller(int id, int type, string? subType) =>
        $"<Item><rasd:InstanceID>{id}</rasd:InstanceID>{(subType is null ? "" : $"<rasd:ResourceSubType>{subType}</rasd:ResourceSubType>")}<rasd:ResourceType>{type}</rasd:ResourceType></Item>";

    public static string Drive(int id, string disk, int parent, int unit) =>
        $"<Item><rasd:AddressOnParent>{unit}</rasd:AddressOnParent><rasd:HostResource>ovf:/disk/{disk}</rasd:HostResource>" +
        $"<rasd:InstanceID>{id}</rasd:InstanceID><rasd:Parent>{parent}</rasd:Parent><rasd:ResourceType>17</rasd:ResourceType></Item>";

    /// <summary>The shape of a VirtualBox 7 export: OVF 1.0 with a vbox:Machine section that holds the firmware.</summary>
    public const string VirtualBox = """
        <?xml version="1.0"?>
        <Envelope ovf:version="1.0" xml:lang="en-US" xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData" xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:vbox="http://www.virtualbox.org/ovf/machine">
          <References>
            <File ovf:id="file1" ovf:href="vbox-guest-disk001.vmdk" ovf:size="12345"/>
          </References>
          <DiskSection>
            <Info>List of the virtual disks used in the package</Info>
            <Disk ovf:capacity="8589934592" ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized" vbox:uuid="0c3a"/>
          </DiskSection>
          <NetworkSection>
            <Info>Logical networks used in the package</Info>
            <Network ovf:name="NAT"><Description>Logical network used by this appliance.</Description></Network>
          </NetworkSection>
          <VirtualSystem ovf:id="vbox-guest">
            <Info>A virtual machine</Info>
            <AnnotationSection><Info>A human-readable annotation</Info><Annotation>Made in VirtualBox</Annotation></AnnotationSection>
            <OperatingSystemSection ovf:id="96"><Info>The kind of installed guest operating system</Info><Description>Debian_64</Description><vbox:OSType ovf:required="false">Debian_64</vbox:OSType></OperatingSystemSection>
            <VirtualHardwareSection>
              <Info>Virtual hardware requirements for a virtual machine</Info>
              <System><vssd:ElementName>Virtual Hardware Family</vssd:ElementName><vssd:InstanceID>0</vssd:InstanceID><vssd:VirtualSystemIdentifier>vbox-guest</vssd:VirtualSystemIdentifier><vssd:VirtualSystemType>virtualbox-2.2</vssd:VirtualSystemType></System>
              <Item><rasd:Caption>2 virtual CPU</rasd:Caption><rasd:Description>Number of virtual CPUs</rasd:Description><rasd:ElementName>2 virtual CPU</rasd:ElementName><rasd:InstanceID>1</rasd:InstanceID><rasd:ResourceType>3</rasd:ResourceType><rasd:VirtualQuantity>2</rasd:VirtualQuantity></Item>
              <Item><rasd:AllocationUnits>MegaBytes</rasd:AllocationUnits><rasd:Caption>2048 MB of memory</rasd:Caption><rasd:Description>Memory Size</rasd:Description><rasd:ElementName>2048 MB of memory</rasd:ElementName><rasd:InstanceID>2</rasd:InstanceID><rasd:ResourceType>4</rasd:ResourceType><rasd:VirtualQuantity>2048</rasd:VirtualQuantity></Item>
              <Item><rasd:Address>0</rasd:Address><rasd:Caption>ideController0</rasd:Caption><rasd:Description>IDE Controller</rasd:Description><rasd:ElementName>ideController0</rasd:ElementName><rasd:InstanceID>3</rasd:InstanceID><rasd:ResourceSubType>PIIX4</rasd:ResourceSubType><rasd:ResourceType>5</rasd:ResourceType></Item>
              <Item><rasd:Address>0</rasd:Address><rasd:Caption>sataController0</rasd:Caption><rasd:Description>SATA Controller</rasd:Description><rasd:ElementName>sataController0</rasd:ElementName><rasd:InstanceID>5</rasd:InstanceID><rasd:ResourceSubType>AHCI</rasd:ResourceSubType><rasd:ResourceType>20</rasd:ResourceType></Item>
              <Item><rasd:AddressOnParent>0</rasd:AddressOnParent><rasd:Caption>disk1</rasd:Caption><rasd:Description>Disk Image</rasd:Description><rasd:ElementName>disk1</rasd:ElementName><rasd:HostResource>/disk/vmdisk1</rasd:HostResource><rasd:InstanceID>7</rasd:InstanceID><rasd:Parent>5</rasd:Parent><rasd:ResourceType>17</rasd:ResourceType></Item>
              <Item><rasd:AddressOnParent>0</rasd:AddressOnParent><rasd:AutomaticAllocation>true</rasd:AutomaticAllocation><rasd:Caption>cdrom1</rasd:Caption><rasd:Description>CD-ROM Drive</rasd:Description><rasd:ElementName>cdrom1</rasd:ElementName><rasd:InstanceID>8</rasd:InstanceID><rasd:Parent>3</rasd:Parent><rasd:ResourceType>15</rasd:ResourceType></Item>
              <Item><rasd:Address>08-00-27-AA-BB-CC</rasd:Address><rasd:AutomaticAllocation>true</rasd:AutomaticAllocation><rasd:Caption>Ethernet adapter on 'NAT'</rasd:Caption><rasd:Connection>NAT</rasd:Connection><rasd:ElementName>Ethernet adapter on 'NAT'</rasd:ElementName><rasd:InstanceID>9</rasd:InstanceID><rasd:ResourceSubType>E1000</rasd:ResourceSubType><rasd:ResourceType>10</rasd:ResourceType></Item>
              <Item><rasd:AutomaticAllocation>true</rasd:AutomaticAllocation><rasd:Caption>Ethernet adapter on 'NAT'</rasd:Caption><rasd:Connection>NAT</rasd:Connection><rasd:ElementName>Ethernet adapter on 'NAT'</rasd:ElementName><rasd:InstanceID>10</rasd:InstanceID><rasd:ResourceSubType>virtio</rasd:ResourceSubType><rasd:ResourceType>10</rasd:ResourceType></Item>
            </VirtualHardwareSection>
            <vbox:Machine ovf:required="false" version="1.19-linux" uuid="{6ef1}" name="vbox-guest">
              <ovf:Info>Complete VirtualBox machine configuration in VirtualBox format</ovf:Info>
              <Hardware><CPU count="2"/><Memory RAMSize="2048"/><Firmware type="EFI"/></Hardware>
            </vbox:Machine>
          </VirtualSystem>
        </Envelope>
        """;
}
