using StreamAnalytics.Grains.Faces;

namespace StreamAnalytics.Grains.Tests.Faces;

public sealed class IdentityDirectoryStateTests
{
    [Fact]
    public void Changes_since_a_version_list_only_what_changed_after_it()
    {
        var directory = new IdentityDirectoryState();
        directory.TryChange("ann", 10);
        directory.TryChange("bob", 10);
        var seen = directory.Version;
        directory.TryChange("ann", 10);
        directory.TryChange("cat", 10);
        directory.Remove("bob");

        var changes = directory.Since(seen);

        Assert.False(changes.Reset);
        Assert.Equal(["ann", "cat"], changes.Changed);
        Assert.Equal(["bob"], changes.Removed);
        Assert.Equal(directory.Version, changes.Version);
        Assert.Empty(directory.Since(directory.Version).Changed);
    }

    [Fact]
    public void Version_zero_is_a_reset_listing_every_enrolled_identity()
    {
        var directory = new IdentityDirectoryState();
        directory.TryChange("bob", 10);
        directory.TryChange("ann", 10);
        directory.Remove("bob");

        var changes = directory.Since(0);

        Assert.True(changes.Reset);
        Assert.Equal(["ann"], changes.Changed);
        Assert.Empty(changes.Removed);
    }

    [Fact]
    public void A_deleted_then_re_enrolled_identity_is_a_change_not_a_removal()
    {
        var directory = new IdentityDirectoryState();
        directory.TryChange("ann", 10);
        var seen = directory.Version;
        directory.Remove("ann");
        directory.TryChange("ann", 10);

        var changes = directory.Since(seen);

        Assert.Equal(["ann"], changes.Changed);
        Assert.Empty(changes.Removed);
    }

    [Fact]
    public void A_silo_behind_forgotten_deletions_or_ahead_of_the_directory_starts_over()
    {
        var directory = new IdentityDirectoryState();
        directory.TryChange("keep", IdentityDirectoryState.RemovalsKept + 10);
        var early = directory.Version;
        for (var i = 0; i <= IdentityDirectoryState.RemovalsKept; i++)
        {
            directory.TryChange($"p{i}", IdentityDirectoryState.RemovalsKept + 10);
            directory.Remove($"p{i}");
        }

        Assert.Equal(IdentityDirectoryState.RemovalsKept, directory.Removals.Count);
        Assert.True(directory.Since(early).Reset);
        Assert.Equal(["keep"], directory.Since(early).Changed);
        Assert.True(directory.Since(directory.Version + 5).Reset);
        Assert.False(directory.Since(directory.Version - 1).Reset);
    }

    [Fact]
    public void A_new_identity_beyond_the_maximum_is_refused_without_a_change_but_known_ones_still_change()
    {
        var directory = new IdentityDirectoryState();
        Assert.True(directory.TryChange("ann", 1));
        var version = directory.Version;

        Assert.False(directory.TryChange("bob", 1));
        Assert.Equal(version, directory.Version);
        Assert.True(directory.TryChange("ann", 1));
        Assert.False(directory.Remove("bob"));
    }
}
