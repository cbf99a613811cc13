using StreamAnalytics.Inference.Gallery;
using static StreamAnalytics.Inference.Tests.Gallery.Embeddings;

namespace StreamAnalytics.Inference.Tests.Gallery;

public sealed class FaceGalleryEnrolmentTests
{
    [Fact]
    public void Add_appends_embeddings_and_replace_swaps_them()
    {
        var gallery = new FaceGallery(Size);
        gallery.Add("person", [Axis(0)]);
        gallery.Add("person", [Axis(1), Axis(2)]);
        Assert.Equal(3, gallery.EmbeddingCount("person"));
        Assert.Equal("person", gallery.Identify(Axis(0), k: 1).Identity);

        gallery.Replace("person", [Axis(3)]);

        Assert.Equal(1, gallery.EmbeddingCount("person"));
        Assert.True(gallery.Identify(Axis(0), k: 1).Unknown);
        Assert.Equal("person", gallery.Identify(Axis(3), k: 1).Identity);
        Assert.Equal(["person"], gallery.Identities);
    }

    [Fact]
    public void Enrolling_past_the_identity_limit_fails_naming_it_and_changes_nothing()
    {
        var gallery = new FaceGallery(Size, new FaceGalleryOptions { MaxIdentities = 2 });
        gallery.Add("a", [Axis(0)]);
        gallery.Add("b", [Axis(1)]);

        var error = Assert.Throws<GalleryLimitExceededException>(() => gallery.Add("c", [Axis(2)]));

        Assert.Equal(nameof(FaceGalleryOptions.MaxIdentities), error.Limit);
        Assert.Equal(2, error.Value);
        Assert.Contains("MaxIdentities", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, gallery.Count);

        // An enrolled identity can still be given more faces, and a freed place taken.
        gallery.Add("a", [Axis(3)]);
        Assert.True(gallery.Remove("b"));
        gallery.Add("c", [Axis(2)]);
        Assert.Equal(["a", "c"], gallery.Identities.Order());
    }

    [Fact]
    public void Enrolling_past_the_per_identity_limit_fails_naming_it_and_changes_nothing()
    {
        var gallery = new FaceGallery(Size, new FaceGalleryOptions { MaxEmbeddingsPerIdentity = 3 });
        gallery.Add("person", [Axis(0), Axis(1)]);

        var error = Assert.Throws<GalleryLimitExceededException>(() => gallery.Add("person", [Axis(2), Axis(3)]));

        Assert.Equal(nameof(FaceGalleryOptions.MaxEmbeddingsPerIdentity), error.Limit);
        Assert.Equal(2, gallery.EmbeddingCount("person"));
        Assert.Throws<GalleryLimitExceededException>(() => gallery.Replace("person", [Axis(0), Axis(1), Axis(2), Axis(3)]));
        gallery.Replace("person", [Axis(0), Axis(1), Axis(2)]);
        Assert.Equal(3, gallery.EmbeddingCount("person"));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void An_embedding_that_is_all_zeros_or_not_finite_is_rejected(float value)
    {
        var gallery = new FaceGallery(Size);
        var bad = new float[Size];
        bad[0] = value;

        Assert.Throws<ArgumentException>(() => gallery.Add("person", [Axis(1), bad]));
        Assert.Throws<ArgumentException>(() => gallery.Identify(bad, k: 1));
        Assert.Equal(0, gallery.Count);
    }

    [Fact]
    public void A_blank_or_too_long_identity_and_no_embeddings_are_rejected_without_naming_the_person()
    {
        var gallery = new FaceGallery(Size, new FaceGalleryOptions { MaxIdentityLength = 8 });

        Assert.Throws<ArgumentException>(() => gallery.Add(" ", [Axis(0)]));
        var tooLong = Assert.Throws<ArgumentException>(() => gallery.Add("Firstname Lastname", [Axis(0)]));
        Assert.Throws<ArgumentException>(() => gallery.Add("person", []));

        Assert.DoesNotContain("Firstname", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal(0, gallery.Count);
    }

    [Fact]
    public void The_gallery_keeps_its_own_copy_of_enrolled_embeddings()
    {
        var gallery = new FaceGallery(Size);
        var embedding = Axis(0);
        gallery.Add("person", [embedding]);

        embedding[0] = 0;
        embedding[1] = 1;

        Assert.Equal("person", gallery.Identify(Axis(0), k: 1).Identity);
    }

    [Fact]
    public void Options_out_of_range_are_named()
    {
        Assert.Contains("MaxIdentities", Assert.Throws<ArgumentException>(() => new FaceGallery(Size, new FaceGalleryOptions { MaxIdentities = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("MaxEmbeddingsPerIdentity", Assert.Throws<ArgumentException>(() => new FaceGallery(Size, new FaceGalleryOptions { MaxEmbeddingsPerIdentity = 0 })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new FaceGallery(Size, new FaceGalleryOptions { Threshold = float.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaceGallery(0));
    }
}
