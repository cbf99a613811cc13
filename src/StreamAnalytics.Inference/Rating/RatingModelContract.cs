namespace StreamAnalytics.Inference.Rating;

/// <summary>
/// The names the rating model contract (<c>contract/rating-model.md</c>) fixes. The exporter keeps the same names in
/// StreamAnalytics.ModelExport; serving holds its own copy so it never references OnnxSharp, and the tests load exported
/// files here, which keeps the copies in step.
/// </summary>
internal static class RatingModelContract
{
    public const string Kind = "rating";

    public const string UserIndexInput = "user_index";
    public const string ProductIndexInput = "product_index";
    public const string FeaturesInput = "features";
    public const string RatingOutput = "rating";

    public const string KindKey = "sa.kind";
    public const string VersionKey = "sa.version";
    public const string UsersKey = "sa.users";
    public const string ProductsKey = "sa.products";
    public const string FeaturesKey = "sa.features";
    public const string RatingMinKey = "sa.ratingMin";
    public const string RatingMaxKey = "sa.ratingMax";
    public const string TrainedAtKey = "sa.trainedAt";
}
