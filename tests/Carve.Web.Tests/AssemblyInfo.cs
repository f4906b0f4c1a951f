// The browser tests boot real guests under TCG on a small machine: one at a time keeps their timing sane.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
