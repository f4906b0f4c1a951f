namespace Carve.Lxc.Config;

/// <summary>Which cgroup hierarchy holds the memory controller: v1 (legacy or hybrid hosts) or v2 (unified).</summary>
public enum CgroupVersion
{
    V1,
    V2,
}
