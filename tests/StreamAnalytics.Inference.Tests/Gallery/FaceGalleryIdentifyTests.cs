using StreamAnalytics.Inference.Gallery;
using static StreamAnalytics.Inference.Tests.Gallery.Embeddings;

namespace StreamAnalytics.Inference.Tests.Gallery;

public sealed class FaceGalleryIdentifyTests
{
    private static FaceGallery NewGallery(float threshold = 0.5f) => new(Size, new FaceGalleryOptions { Threshold = threshold });

    [Fact]
    public void Candidates_come_best_first_and_at_most_k()
    {
        var gallery = NewGallery();
        gallery.Add("far", [At(0, 1, 0.2)]);
        gallery.Add("near", [At(0, 1, 0.9)]);
        gallery.Add("middle", [At(0, 1, 0.6)]);
        gallery.Add("opposite", [At(0, 1, -0.5)]);

        var result = gallery.Identify(Axis(0), k: 3);

        Assert.Equal(["near", "middle", "far"], result.Candidates.Select(c => c.Identity));
        Assert.Equal([0.9f, 0.6f, 0.2f], result.Candidates.Select(c => c.Score), new FloatTolerance(1e-5f));
        Assert.Equal("near", result.Identity);
        Assert.False(result.Unknown);
        Assert.Equal(0.9f, result.Score, 1e-5f);
    }

    [Fact]
    public void K_above_the_gallery_size_returns_every_identity()
    {
        var gallery = NewGallery();
        gallery.Add("a", [Axis(0)]);
        gallery.Add("b", [Axis(1)]);

        Assert.Equal(2, gallery.Identify(Axis(0), k: 10).Candidates.Count);
    }

    [Fact]
    public void An_identitys_score_is_its_closest_embedding()
    {
        var gallery = NewGallery();
        gallery.Add("many", [At(0, 1, 0.1), At(0, 2, 0.8), At(0, 3, 0.3)]);
        gallery.Add("one", [At(0, 1, 0.7)]);

        var result = gallery.Identify(Axis(0), k: 2);

        Assert.Equal("many", result.Identity);
        Assert.Equal(0.8f, result.Candidates[0].Score, 1e-5f);
        Assert.Equal(0.7f, result.Candidates[1].Score, 1e-5f);
    }

    [Fact]
    public void A_best_score_below_the_threshold_is_unknown_with_its_candidates_kept()
    {
        var gallery = NewGallery(threshold: 0.75f);
        gallery.Add("someone", [At(0, 1, 0.7)]);

        var result = gallery.Identify(Axis(0), k: 1);

        Assert.True(result.Unknown);
        Assert.Null(result.Identity);
        Assert.Equal(0.7f, result.Score, 1e-5f);
        Assert.Equal("someone", Assert.Single(result.Candidates).Identity);
    }

    [Fact]
    public void A_score_equal_to_the_threshold_is_accepted()
    {
        var gallery = NewGallery(threshold: 1f);
        gallery.Add("exact", [Axis(2)]);

        Assert.Equal("exact", gallery.Identify(Axis(2), k: 1).Identity);
    }

    [Fact]
    public void A_new_threshold_applies_to_the_next_search()
    {
        var gallery = NewGallery(threshold: 0.5f);
        gallery.Add("someone", [At(0, 1, 0.7)]);
        Assert.False(gallery.Identify(Axis(0), k: 1).Unknown);

        gallery.Threshold = 0.8f;

        Assert.True(gallery.Identify(Axis(0), k: 1).Unknown);
    }

    [Fact]
    public void An_empty_gallery_answers_unknown_with_no_candidates()
    {
        var result = NewGallery().Identify(Axis(0), k: 5);

        Assert.True(result.Unknown);
        Assert.Null(result.Identity);
        Assert.Equal(-1f, result.Score);
        Assert.Empty(result.Candidates);
    }

    [Fact]
    public void A_removed_identity_is_never_a_candidate_again()
    {
        var gallery = NewGallery();
        gallery.Add("stays", [At(0, 1, 0.6)]);
        gallery.Add("leaves", [Axis(0)]);
        Assert.Equal("leaves", gallery.Identify(Axis(0), k: 2).Identity);

        Assert.True(gallery.Remove("leaves"));

        var result = gallery.Identify(Axis(0), k: 2);
        Assert.Equal("stays", result.Identity);
        Assert.DoesNotContain(result.Candidates, c => c.Identity == "leaves");
        Assert.Equal(0, gallery.EmbeddingCount("leaves"));
        Assert.False(gallery.Remove("leaves"));
    }

    [Fact]
    public void Scores_are_cosine_similarities_whatever_the_lengths_of_the_vectors()
    {
        var gallery = NewGallery();
        gallery.Add("scaled", [At(0, 1, 0.6).Select(v => v * 40).ToArray()]);

        var result = gallery.Identify(Axis(0).Select(v => v * 0.01f).ToArray(), k: 1);

        Assert.Equal(0.6f, result.Score, 1e-5f);
    }

    [Fact]
    public void Equal_scores_are_ranked_by_identity_whatever_the_enrolment_order()
    {
        var first = NewGallery();
        var second = NewGallery();
        foreach (var name in new[] { "c", "a", "b" })
        {
            first.Add(name, [Axis(0)]);
        }

        foreach (var name in new[] { "b", "c", "a" })
        {
            second.Add(name, [Axis(0)]);
        }

        Assert.Equal(["a", "b"], first.Identify(Axis(0), k: 2).Candidates.Select(c => c.Identity));
        Assert.Equal(["a", "b"], second.Identify(Axis(0), k: 2).Candidates.Select(c => c.Identity));
    }

    [Fact]
    public void An_embedding_of_the_wrong_size_is_rejected_for_search_and_enrolment()
    {
        var gallery = NewGallery();
        gallery.Add("someone", [Axis(0)]);

        var search = Assert.Throws<ArgumentException>(() => gallery.Identify(new float[Size + 1], k: 1));
        var enrol = Assert.Throws<ArgumentException>(() => gallery.Add("other", [new float[Size - 1]]));

        Assert.Contains($"{Size + 1} values", search.Message, StringComparison.Ordinal);
        Assert.Contains($"{Size - 1} values", enrol.Message, StringComparison.Ordinal);
        Assert.Equal(1, gallery.Count);
    }

    [Fact]
    public void K_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewGallery().Identify(Axis(0), k: 0));
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
