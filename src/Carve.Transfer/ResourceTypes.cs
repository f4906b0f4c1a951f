namespace Carve.Transfer;

/// <summary>CIM_ResourceAllocationSettingData.ResourceType values that OVF hardware items use.</summary>
internal static class ResourceTypes
{
    public const int Processor = 3;
    public const int Memory = 4;
    public const int IdeController = 5;
    public const int ScsiController = 6;
    public const int FibreChannel = 7;
    public const int Iscsi = 8;
    public const int InfiniBand = 9;
    public const int Ethernet = 10;
    public const int Floppy = 14;
    public const int CdDrive = 15;
    public const int DvdDrive = 16;
    public const int Disk = 17;
    /// <summary>"Other storage device": SATA/AHCI, NVMe.</summary>
    public const int OtherStorage = 20;

    public static bool IsController(int type) => type is IdeController or ScsiController or FibreChannel or Iscsi or InfiniBand or OtherStorage;
}
