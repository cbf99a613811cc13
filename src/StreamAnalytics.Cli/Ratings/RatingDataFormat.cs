namespace StreamAnalytics.Cli.Ratings;

/// <summary>Where <c>sa train rating</c> and <c>sa eval rating</c> take their ratings from.</summary>
internal enum RatingDataFormat
{
    /// <summary>The generator of <c>sa produce</c>, whose best achievable R² is known.</summary>
    Synthetic,

    /// <summary>The e-commerce dataset under the seed's protocol (one example per customer, Review Rating in [0,1]).</summary>
    Ecommerce,

    /// <summary>Any CSV/TSV of interactions, mapped with the column options of <c>sa replay</c>.</summary>
    Csv,
}
