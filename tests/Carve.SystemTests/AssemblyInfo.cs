// System tests boot real guests under TCG on small machines: one at a time keeps their timing sane.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
